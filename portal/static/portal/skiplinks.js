// The "Main menu" skip link. On a small screen the menu sits in a closed dialog, so the link
// would lead nowhere: there it opens the menu, whose first link then gets the focus. On a
// wide screen the link simply moves the focus to the menu.
document.querySelectorAll('.fr-skiplinks a[href="#main-navigation"]').forEach(function (link) {
  link.addEventListener("click", function (event) {
    var navigation = document.getElementById("main-navigation");
    var button = document.getElementById("header-menu-button");
    var menu = document.getElementById("header-menu");
    // The menu button is shown only on small screens; the menu may be open already.
    if (!navigation || !button || !button.getClientRects().length
        || menu.classList.contains("fr-modal--opened")) {
      return;
    }
    event.preventDefault();
    button.click();
    window.setTimeout(function () {
      var first = navigation.querySelector("a");
      (first || button).focus();
    }, 100);
  });
});
