/**
 * Progressive enhancement of the import page's upload forms (import-forms.ts): drop a file on the
 * field, the size limit checked before sending, and a progress bar driven by the XHR upload events.
 * Without JavaScript the form posts as it is and the server answers with the same page.
 */
export const UPLOAD_JS = `
document.querySelectorAll('form.upload-form').forEach(function (form) {
  var input = form.querySelector('input[type=file]');
  var zone = form.querySelector('.drop-zone');
  var bar = form.querySelector('progress');
  var status = form.querySelector('.upload-status');
  var button = form.querySelector('button[type=submit]');
  var max = Number(form.getAttribute('data-max-bytes'));
  function say(text) { status.textContent = text; }
  zone.addEventListener('dragover', function (event) { event.preventDefault(); zone.classList.add('drop-zone--active'); });
  zone.addEventListener('dragleave', function () { zone.classList.remove('drop-zone--active'); });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('drop-zone--active');
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
    input.files = event.dataTransfer.files;
    say('Valgt fil: ' + input.files[0].name);
  });
  function done() { bar.hidden = true; button.disabled = false; }
  // A refusal comes back as the import page: its outcome replaces ours, and focus moves to it.
  function showOutcome(responseText) {
    var outcome = new DOMParser().parseFromString(responseText, 'text/html').getElementById('resultat');
    if (!outcome) { say('Opplastingen feilet. Prøv igjen.'); return; }
    var old = document.getElementById('resultat');
    if (old) old.replaceWith(outcome); else document.querySelector('main h1').after(outcome);
    say(outcome.querySelector('p') ? outcome.querySelector('p').textContent : '');
    outcome.focus();
  }
  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    if (!file) return;
    event.preventDefault();
    if (max > 0 && file.size > max) {
      say(file.name + ' er større enn grensen på ' + form.getAttribute('data-max-text') + '. Velg en mindre fil.');
      return;
    }
    var xhr = new XMLHttpRequest();
    var announced = -1;
    xhr.open('POST', form.action);
    bar.value = 0; bar.hidden = false; button.disabled = true;
    say('Laster opp ' + file.name + ' …');
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.floor((e.loaded / e.total) * 100);
      bar.value = percent;
      // Screen readers hear every quarter, not every event.
      if (Math.floor(percent / 25) !== announced) { announced = Math.floor(percent / 25); say('Laster opp: ' + percent + ' %'); }
    });
    xhr.upload.addEventListener('load', function () { bar.value = 100; say('Fila er lastet opp. Importerer …'); });
    xhr.addEventListener('load', function () {
      if (xhr.status === 200 && xhr.responseURL.indexOf('kjoring=') !== -1) { window.location.assign(xhr.responseURL + '#resultat'); return; }
      done();
      showOutcome(xhr.responseText);
    });
    xhr.addEventListener('error', function () { done(); say('Opplastingen ble avbrutt. Prøv igjen.'); });
    xhr.send(new FormData(form));
  });
});
var result = document.getElementById('resultat');
if (result) result.focus();
`;
