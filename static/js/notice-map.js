/* The map on /werkzaamheden/: Leaflet from our own static files, PDOK tiles. Without
   JavaScript the list below the map says everything the map shows. */
(function () {
    "use strict";
    var element = document.getElementById("notice-map");
    var data = document.getElementById("notice-map-points");
    if (!element || !data || typeof L === "undefined") {
        return;
    }
    var points = JSON.parse(data.textContent);
    if (!points.length) {
        return;
    }
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, {
        attribution: element.dataset.attribution,
        maxZoom: 19,
    }).addTo(map);
    L.Icon.Default.imagePath = element.dataset.images || "/static/vendor/leaflet/images/";
    var bounds = [];
    points.forEach(function (point) {
        var popup = document.createElement("div");
        var link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.title;
        var where = document.createElement("p");
        where.textContent = point.location + " (" + point.period + ")";
        popup.appendChild(link);
        popup.appendChild(where);
        L.marker([point.lat, point.lng], { title: point.title, alt: point.title })
            .addTo(map)
            .bindPopup(popup);
        bounds.push([point.lat, point.lng]);
    });
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
})();
