/* The maps of templates/components/map.html (the kernen on the home page, the work notices
   on /werkzaamheden/, the businesses, the place of one notice or activity): Leaflet from our own
   static files, PDOK tiles. static/js/map-loader.js loads this script and Leaflet when a map
   comes near the screen and calls kernenMaps.show(canvas) for each map; loaded on its own, it
   draws every map of the page at once. Without JavaScript the page says everything in text: the
   list of kernen or notices, or the address and a link.

   Markers closer together than a finger's width on the screen are drawn as one marker with
   their number, whose popup lists them all (WCAG 2.2 target size: every marker can be hit). */
(function () {
    "use strict";
    if (typeof L === "undefined") {
        return;
    }
    // Leaflet's marker is 25 x 41 px, anchored at its bottom centre; a group is a 36 px circle
    // around its centre. Drawn targets keep GAP px between their boxes, so none covers another.
    var MARKER = { left: 12.5, right: 12.5, top: 41, bottom: 0 };
    var GROUP = { left: 18, right: 18, top: 18, bottom: 18 };
    var GAP = 2;

    function popupFor(points) {
        var popup = document.createElement("div");
        var list = document.createElement(points.length > 1 ? "ul" : "div");
        list.className = "notice-map__popup";
        points.forEach(function (point) {
            var item = document.createElement(points.length > 1 ? "li" : "div");
            var name = document.createElement(point.url ? "a" : "strong");
            if (point.url) {
                name.href = point.url;
            }
            name.textContent = point.title;
            item.appendChild(name);
            if (point.location) {
                var where = document.createElement("p");
                where.textContent = point.period ? point.location + " (" + point.period + ")" : point.location;
                item.appendChild(where);
            }
            list.appendChild(item);
        });
        popup.appendChild(list);
        return popup;
    }

    function box(group) {
        var size = group.points.length > 1 ? GROUP : MARKER;
        return {
            left: group.spot.x - size.left - GAP,
            right: group.spot.x + size.right + GAP,
            top: group.spot.y - size.top - GAP,
            bottom: group.spot.y + size.bottom + GAP,
        };
    }

    function overlap(one, other) {
        var a = box(one);
        var b = box(other);
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    }

    // Points whose markers would touch become one group at their centre, again and again
    // until no two drawn targets touch (a new group can reach a neighbour).
    function groupsAt(map, points) {
        var groups = points.map(function (point) {
            return { spot: map.latLngToLayerPoint([point.lat, point.lng]), points: [point] };
        });
        var merged = true;
        while (merged) {
            merged = false;
            for (var i = 0; i < groups.length && !merged; i++) {
                for (var j = i + 1; j < groups.length && !merged; j++) {
                    if (overlap(groups[i], groups[j])) {
                        var together = groups[i].points.concat(groups[j].points);
                        var x = 0;
                        var y = 0;
                        together.forEach(function (point) {
                            var spot = map.latLngToLayerPoint([point.lat, point.lng]);
                            x += spot.x / together.length;
                            y += spot.y / together.length;
                        });
                        groups[i] = { spot: L.point(x, y), points: together };
                        groups.splice(j, 1);
                        merged = true;
                    }
                }
            }
        }
        return groups;
    }

    function draw(map, layer, points, groupLabel) {
        layer.clearLayers();
        groupsAt(map, points).forEach(function (group) {
            var first = group.points[0];
            var marker;
            if (group.points.length === 1) {
                marker = L.marker([first.lat, first.lng], { title: first.title, alt: first.title });
            } else {
                var label = groupLabel.replace("{count}", group.points.length);
                marker = L.marker(map.layerPointToLatLng(group.spot), {
                    title: label,
                    icon: L.divIcon({
                        className: "notice-map__group",
                        html: "<span aria-hidden=\"true\">" + group.points.length + "</span>",
                        iconSize: [36, 36],
                    }),
                });
                marker.on("add", function () {
                    marker.getElement().setAttribute("aria-label", label);
                });
            }
            marker.bindPopup(popupFor(group.points)).addTo(layer);
        });
    }

    function show(element) {
        var data = document.getElementById(element.dataset.points);
        var points = data ? JSON.parse(data.textContent) : [];
        if (!points.length || element.classList.contains("leaflet-container")) {
            return;
        }
        element.hidden = false;
        var map = L.map(element, { scrollWheelZoom: false });
        L.tileLayer(element.dataset.tiles, {
            attribution: element.dataset.attribution,
            maxZoom: 19,
        }).addTo(map);
        L.Icon.Default.imagePath = element.dataset.images || "/static/vendor/leaflet/images/";
        var layer = L.layerGroup().addTo(map);
        var bounds = points.map(function (point) {
            return [point.lat, point.lng];
        });
        var zoom = Number(element.dataset.zoom || 15);
        if (points.length === 1) {
            map.setView(bounds[0], zoom);
        } else {
            map.fitBounds(bounds, { padding: [30, 30], maxZoom: zoom });
        }
        var label = element.dataset.groupLabel || "{count}";
        draw(map, layer, points, label);
        map.on("zoomend", function () {
            draw(map, layer, points, label);
        });
    }

    window.kernenMaps = { show: show };
    if (!window.kernenMapLoader) {
        document.querySelectorAll(".notice-map__canvas[data-points]").forEach(show);
    }
})();
