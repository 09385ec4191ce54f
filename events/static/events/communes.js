// The commune of the organisers' venue step: typed (first letters of its name, or its
// postcode), then picked from a list of communes of the reference data (events:communes),
// which fills in the INSEE code (hidden field), the postcode and shows the department.
// ARIA combobox with a listbox: arrows to move, Enter to pick, Escape to close.
// Without JavaScript the server resolves what was typed.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 150;

  function setUp(input) {
    var form = input.form;
    var prefix = input.name.slice(0, -"commune".length);
    var codeField = form.elements[prefix + "commune_code"];
    var postcodeField = form.elements[prefix + "postcode"];
    var box = input.closest(".relais-autocomplete");
    var found = box.querySelector(".relais-autocomplete__found");
    var list = document.createElement("ul");
    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;

    list.id = input.id + "-list";
    list.className = "relais-autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", box.dataset.listLabel || "");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
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

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      active = index;
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function pick(index) {
      var commune = items[index];
      if (!commune) {
        return;
      }
      input.value = commune.name;
      codeField.value = commune.code;
      if (postcodeField) {
        postcodeField.value = commune.postcode;
      }
      found.textContent = commune.description;
      close();
    }

    function show(communes) {
      items = communes;
      list.replaceChildren();
      if (!communes.length) {
        var empty = document.createElement("li");
        empty.className = "relais-autocomplete__empty";
        empty.textContent = box.dataset.noResults || "";
        list.appendChild(empty);
      }
      communes.forEach(function (commune, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = commune.name + " (" + commune.postcode + ") — " + commune.department;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
        });
        option.addEventListener("click", function () {
          pick(index);
        });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(-1);
    }

    function fetchCommunes() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      fetch(input.dataset.communesUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller.signal
      })
        .then(function (response) {
          return response.ok ? response.json() : { communes: [] };
        })
        .then(function (data) {
          show(data.communes || []);
        })
        .catch(function () {
          // Aborted by the next keystroke, or offline: the server resolves what is typed.
        });
    }

    input.addEventListener("input", function () {
      // Typing again: the commune picked before no longer holds.
      codeField.value = "";
      found.textContent = "";
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchCommunes, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        if (event.key === "ArrowDown" && input.value.trim().length >= MIN_LENGTH) {
          fetchCommunes();
          event.preventDefault();
        }
        return;
      }
      if (event.key === "ArrowDown") {
        highlight(Math.min(active + 1, items.length - 1));
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        highlight(Math.max(active - 1, 0));
        event.preventDefault();
      } else if (event.key === "Enter" && active >= 0) {
        pick(active);
        event.preventDefault();
      } else if (event.key === "Escape") {
        close();
        event.preventDefault();
      }
    });

    input.addEventListener("blur", close);
  }

  function setUpAll() {
    document.querySelectorAll("input[data-communes-url]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
