/*
 * Suggestions while typing in the site's search box: the ARIA 1.2 combobox pattern with a
 * listbox popup. Without this script the box is a plain search form.
 * Keys: Down/Up move through the suggestions (and open them again after Escape), Enter opens
 * the chosen one (or searches), Escape closes the list (a second Escape clears the box).
 */
(function () {
    "use strict";

    var DELAY = 250;
    var MIN_LENGTH = 2;

    function setUp(form) {
        var input = form.querySelector('input[type="search"]');
        var list = form.querySelector('[role="listbox"]');
        var status = form.querySelector("[data-suggest-status]");
        var url = form.getAttribute("data-suggest-url");
        var singular = form.getAttribute("data-suggest-singular") || "";
        var plural = form.getAttribute("data-suggest-plural") || "";
        if (!input || !list || !url || !window.fetch) {
            return;
        }
        var timer = null;
        var active = -1;
        var items = [];
        var lastQuery = "";
        var controller = null;

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("aria-expanded", "false");

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function reopen(index) {
            // Down or Up on a closed box opens the suggestions again (after Escape).
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            highlight(index);
        }

        function highlight(index) {
            var options = list.querySelectorAll('[role="option"]');
            active = index;
            for (var i = 0; i < options.length; i++) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(suggestions) {
            items = suggestions;
            list.textContent = "";
            suggestions.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = list.id + "-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.className = "search-suggest__option";
                var title = document.createElement("span");
                title.textContent = item.title;
                option.appendChild(title);
                var details = [item.type, item.kern].filter(Boolean).join(" · ");
                if (details) {
                    var meta = document.createElement("span");
                    meta.className = "search-suggest__meta";
                    meta.textContent = details;
                    option.appendChild(meta);
                }
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep focus in the box
                });
                option.addEventListener("click", function () {
                    window.location.href = item.url;
                });
                list.appendChild(option);
            });
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                highlight(-1);
            } else {
                close();
            }
            if (status) {
                status.textContent = suggestions.length
                    ? suggestions.length + " " + (suggestions.length === 1 ? singular : plural)
                    : "";
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (query.length < MIN_LENGTH) {
                render([]);
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.suggestions || []);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && items.length > 0;
            var closedWithItems = !open && items.length > 0 && input.value.trim() === lastQuery;
            if (event.key === "ArrowDown") {
                if (open) {
                    event.preventDefault();
                    highlight(active + 1 >= items.length ? 0 : active + 1);
                } else if (closedWithItems) {
                    event.preventDefault();
                    reopen(0);
                }
            } else if (event.key === "ArrowUp") {
                if (open) {
                    event.preventDefault();
                    highlight(active <= 0 ? items.length - 1 : active - 1);
                } else if (closedWithItems) {
                    event.preventDefault();
                    reopen(items.length - 1);
                }
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    window.location.href = items[active].url;
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                } else {
                    input.value = "";
                    lastQuery = "";
                }
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 150);
        });
    }

    document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
})();
