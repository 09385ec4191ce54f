// Suggestions for the search fields (header and search page): titles among what the visitor
// may open, from /recherche/suggestions/?q=…, offered through the field's <datalist>.
// Choosing a suggestion opens it; typing and pressing Enter searches as usual.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 200;

  function setUp(input) {
    if (input.dataset.suggestionsReady) {
      return;
    }
    input.dataset.suggestionsReady = "1";
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var controller = null;
    var urls = {};

    function show(items) {
      urls = {};
      list.replaceChildren();
      items.forEach(function (item) {
        var option = document.createElement("option");
        option.value = item.title;
        option.label = item.type;
        urls[item.title] = item.url;
        list.appendChild(option);
      });
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        show([]);
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      var url = input.dataset.suggestionsUrl + "?q=" + encodeURIComponent(query);
      fetch(url, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: controller.signal
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          show(data.suggestions || []);
        })
        .catch(function () {
          // Aborted by the next keystroke, or offline: the field works without suggestions.
        });
    }

    input.addEventListener("input", function (event) {
      // A suggestion picked from the list: open it.
      if (!event.inputType || event.inputType === "insertReplacementText") {
        var target = urls[input.value];
        if (target) {
          window.location.assign(target);
          return;
        }
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });
  }

  function setUpAll() {
    document.querySelectorAll("input[data-suggestions-url][list]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
