// The registry console's only script: a page that follows something under way (a transaction not final yet) says
// how often it is reloaded in its body's data-refresh attribute, in seconds.
document.addEventListener('DOMContentLoaded', function () {
  var every = Number(document.body.getAttribute('data-refresh'));
  if (every > 0) {
    window.setTimeout(function () { window.location.reload(); }, every * 1000);
  }
});
