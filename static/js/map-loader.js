/* Loads the maps of templates/components/map.html only when one comes near the screen: Leaflet's
   stylesheet and script (static/vendor/leaflet) and static/js/notice-map.js, once per page,
   then draws each map as it nears the screen. A page whose map is never scrolled to loads no
   Leaflet at all. Included by templates/components/map_script.html, which gives the three
   addresses as data attributes (no inline script: the CSP allows our own files only).

   The canvas has its place on the page from the start, so nothing moves when the map arrives.
   Without JavaScript static/css/no-script.css hides it and the page says everything in text (the
   list of kernen, notices or businesses, or the address and a link). */
(function () {
    "use strict";
    if (window.kernenMapLoader) {
        return; // a page with two maps includes this script twice
    }
    var script = document.currentScript;
    var canvases = Array.prototype.slice.call(
        document.querySelectorAll(".notice-map__canvas[data-points]")
    );
    if (!script || !canvases.length) {
        return;
    }
    window.kernenMapLoader = script.dataset;
    var loading = null;

    function addScript(src) {
        return new Promise(function (resolve, reject) {
            var element = document.createElement("script");
            element.src = src;
            element.onload = resolve;
            element.onerror = reject;
            document.head.appendChild(element);
        });
    }

    function load() {
        if (!loading) {
            var css = document.createElement("link");
            css.rel = "stylesheet";
            css.href = script.dataset.leafletCss;
            var styled = new Promise(function (resolve) {
                css.onload = resolve;
                css.onerror = resolve;
            });
            document.head.appendChild(css);
            loading = addScript(script.dataset.leafletJs)
                .then(function () {
                    return addScript(script.dataset.mapJs);
                })
                .then(function () {
                    return styled;
                });
        }
        return loading;
    }

    function show(canvas) {
        load().then(
            function () {
                window.kernenMaps.show(canvas);
            },
            function () {
                canvas.hidden = true; // no map after all: the text says it
            }
        );
    }

    if (!("IntersectionObserver" in window)) {
        canvases.forEach(show);
        return;
    }
    var observer = new IntersectionObserver(
        function (entries) {
            entries.forEach(function (entry) {
                if (entry.isIntersecting) {
                    observer.unobserve(entry.target);
                    show(entry.target);
                }
            });
        },
        { rootMargin: "300px 0px" }
    );
    canvases.forEach(function (canvas) {
        observer.observe(canvas);
    });
})();
