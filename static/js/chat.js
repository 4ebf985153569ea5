/*
 * The group chat of a workspace: asks for new messages every 1.5 s while the tab is visible
 * and sends the form without reloading the page. Without this script the chat is a plain form
 * and list (POST, redirect, reload). Messages are shown as text, never as HTML.
 */
(function () {
    "use strict";

    var INTERVAL = 1500;

    function setUp(list) {
        var form = document.getElementById("chat-form");
        var empty = document.getElementById("chat-empty");
        var status = document.getElementById("chat-status");
        var url = list.getAttribute("data-chat-poll");
        var latest = parseInt(list.getAttribute("data-chat-latest"), 10) || 0;
        var timer = null;
        var busy = false;
        if (!url || !form || !window.fetch) {
            return;
        }

        function show(message) {
            if (document.getElementById("chat-" + message.id)) {
                return;
            }
            var item = document.createElement("li");
            item.className = "chat-message";
            item.id = "chat-" + message.id;
            var author = document.createElement("span");
            author.className = "chat-message__author";
            author.textContent = message.author;
            var time = document.createElement("time");
            time.className = "card__meta";
            time.setAttribute("datetime", message.created_at);
            time.textContent = message.time;
            var text = document.createElement("p");
            text.className = "chat-message__text";
            text.textContent = message.text;
            item.appendChild(author);
            item.appendChild(document.createTextNode(" "));
            item.appendChild(time);
            item.appendChild(text);
            list.appendChild(item);
            list.scrollTop = list.scrollHeight;
            latest = Math.max(latest, message.id);
            if (empty) {
                empty.hidden = true;
            }
        }

        function poll() {
            if (busy || document.hidden) {
                return;
            }
            busy = true;
            fetch(url + "?na=" + latest, {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(response.status);
                    }
                    return response.json();
                })
                .then(function (data) {
                    data.messages.forEach(show);
                })
                .catch(function () {
                    stop();
                })
                .then(function () {
                    busy = false;
                });
        }

        function start() {
            if (timer === null) {
                timer = window.setInterval(poll, INTERVAL);
            }
        }

        function stop() {
            if (timer !== null) {
                window.clearInterval(timer);
                timer = null;
            }
        }

        document.addEventListener("visibilitychange", function () {
            if (document.hidden) {
                stop();
            } else {
                poll();
                start();
            }
        });

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var field = form.querySelector("textarea");
            fetch(form.getAttribute("action") || window.location.pathname, {
                method: "POST",
                credentials: "same-origin",
                headers: { Accept: "application/json" },
                body: new FormData(form),
            })
                .then(function (response) {
                    return response.json().then(function (data) {
                        return { ok: response.ok, data: data };
                    });
                })
                .then(function (result) {
                    if (result.ok) {
                        show(result.data.message);
                        field.value = "";
                        status.textContent = "";
                    } else {
                        status.textContent = result.data.errors.join(" ");
                    }
                    field.focus();
                })
                .catch(function () {
                    form.submit();
                });
        });

        list.scrollTop = list.scrollHeight;
        start();
    }

    var list = document.getElementById("chat-messages");
    if (list) {
        setUp(list);
    }
})();
