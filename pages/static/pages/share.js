// "Copy the address" buttons of the share blocks. They stay hidden where the browser cannot
// write to the clipboard, so nobody meets a button that does nothing.
document.querySelectorAll("[data-relais-copy]").forEach(function (button) {
  if (!navigator.clipboard) {
    return;
  }
  var status = button.closest(".fr-share").querySelector("[data-relais-copy-status]");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.dataset.relaisCopy).then(function () {
      status.textContent = button.dataset.relaisCopied;
    });
  });
});
