// The letter box's live character count (issue 20). Characters are counted as the server counts them: code
// points of the NFC text, so an emoji or a Hangul syllable is one. The server checks the limit again.
(function () {
  'use strict';
  var box = document.getElementById('letter');
  var count = document.getElementById('letter-count');
  if (!box || !count) {
    return;
  }
  var limit = parseInt(box.getAttribute('data-limit'), 10);
  var template = count.getAttribute('data-template') || '{0} / {1}';
  var lang = document.documentElement.lang || undefined;
  function update() {
    var text = box.value.normalize ? box.value.normalize('NFC') : box.value;
    var n = Array.from(text).length;
    count.textContent = template.replace('{0}', n.toLocaleString(lang)).replace('{1}', limit.toLocaleString(lang));
    count.classList.toggle('over', n > limit);
    box.setAttribute('aria-invalid', n > limit ? 'true' : 'false');
  }
  box.addEventListener('input', update);
  update();
})();
