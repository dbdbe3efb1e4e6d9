/* ficlens report script: draws the cast table, the network, the chapter chart, the
 * dialogue clarity list and the story reader from the JSON block #ficlens-data.
 * Story strings only ever reach the page through textContent, the title property or
 * SVG text nodes; nothing here parses HTML. One chapter is rendered at a time. */
(function () {
  'use strict';

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var COLOUR = /^#[0-9a-f]{6}$/i;
  var PAGE = 100;
  var data = JSON.parse(document.getElementById('ficlens-data').textContent);
  var characters = data.characters;
  var quotes = rowsOf(data.quotes);
  var low = data.lowConfidence;
  var byChapter = quotesByChapter();
  var state = { chapter: -1, current: null, clarityShown: 0 };

  function byId(id) { return document.getElementById(id); }

  function h(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function s(tag, attributes, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, String(attributes[key]));
    });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }

  function paint(node, character) {
    if (character && COLOUR.test(character.color) && COLOUR.test(character.tint)) {
      node.style.setProperty('--c', character.color);
      node.style.setProperty('--t', character.tint);
    }
  }

  function colourOf(index) {
    var character = characters[index];
    return character && COLOUR.test(character.color) ? character.color : '#8a8f99';
  }

  function percent(value) { return (Math.round(value * 1000) / 10) + '%'; }

  function nameOf(index) {
    return index === null || index === undefined || !characters[index]
      ? 'unknown' : characters[index].name;
  }

  function chapterLabel(index) {
    var title = data.chapters[index] && data.chapters[index].title;
    if (title && /^\s*(chapter|part|book|volume|prologue|epilogue|interlude)\b/i.test(title)) {
      return title;
    }
    return 'Chapter ' + (index + 1) + (title ? ': ' + title : '');
  }

  function rowsOf(columns) {
    var names = Object.keys(columns);
    var count = names.length ? columns[names[0]].length : 0;
    var rows = new Array(count);
    for (var i = 0; i < count; i++) {
      var row = {};
      for (var j = 0; j < names.length; j++) { row[names[j]] = columns[names[j]][i]; }
      rows[i] = row;
    }
    return rows;
  }

  function quotesByChapter() {
    var lists = data.chapters.map(function () { return []; });
    quotes.forEach(function (quote, index) {
      quote.index = index;
      (lists[quote.chapter] || lists[0]).push(quote);
    });
    lists.forEach(function (list) {
      list.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    });
    return lists;
  }

  /* ---- Cast table ---------------------------------------------------- */

  function castRow(character) {
    var row = h('tr');
    var name = h('td');
    var swatch = h('span', 'swatch');
    paint(swatch, character);
    name.appendChild(swatch);
    name.appendChild(document.createTextNode(character.name));
    row.appendChild(name);
    row.appendChild(h('td', null, character.aliases.join(', ')));
    row.appendChild(h('td', null, character.gender || ''));
    row.appendChild(h('td', 'num', character.mentions));
    row.appendChild(h('td', 'num', character.lines));
    var share = h('td', 'num');
    var bar = h('span', 'bar');
    bar.style.setProperty('width', Math.round(character.share * 60) + 'px');
    paint(bar, character);
    share.appendChild(bar);
    share.appendChild(document.createTextNode(percent(character.share)));
    row.appendChild(share);
    return row;
  }

  function sortValue(character, key) {
    if (key === 'aliases') { return character.aliases.join(', ').toLowerCase(); }
    var value = character[key];
    return typeof value === 'string' ? value.toLowerCase() : (value === null ? '' : value);
  }

  function renderCast(key, descending) {
    var order = characters.slice().sort(function (a, b) {
      var x = sortValue(a, key), y = sortValue(b, key);
      var result = x < y ? -1 : (x > y ? 1 : 0);
      return (descending ? -result : result) || b.lines - a.lines || b.mentions - a.mentions;
    });
    var body = document.querySelector('#cast-table tbody');
    body.textContent = '';
    var rows = document.createDocumentFragment();
    order.forEach(function (character) { rows.appendChild(castRow(character)); });
    body.appendChild(rows);
    document.querySelectorAll('#cast-table th').forEach(function (th) {
      if (th.dataset.key === key) {
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
  }

  function setUpCast() {
    var sort = { key: 'lines', descending: true };
    document.querySelectorAll('#cast-table th').forEach(function (th) {
      th.querySelector('button').addEventListener('click', function () {
        var key = th.dataset.key;
        var numeric = key === 'mentions' || key === 'lines' || key === 'share';
        sort.descending = sort.key === key ? !sort.descending : numeric;
        sort.key = key;
        renderCast(sort.key, sort.descending);
      });
    });
    renderCast(sort.key, sort.descending);
  }

  /* ---- Dialogue clarity -------------------------------------------------- */

  function unclear() {
    return quotes.filter(function (quote) {
      return quote.speaker === null || quote.confidence < low;
    });
  }

  function renderClarity() {
    var list = unclear();
    byId('clarity-summary').textContent = list.length
      ? list.length + ' of ' + quotes.length + ' quotes have no speaker or a confidence below ' +
        percent(low) + '. These are the lines a reader may find hard to place, or where ficlens guessed.'
      : 'Every quote has a speaker with confidence of at least ' + percent(low) + '.';
    var more = byId('clarity-more');
    function showMore() {
      var target = byId('clarity-list');
      var end = Math.min(list.length, state.clarityShown + PAGE);
      for (var i = state.clarityShown; i < end; i++) { target.appendChild(clarityItem(list[i])); }
      state.clarityShown = end;
      more.hidden = end >= list.length;
      more.textContent = 'Show more (' + (list.length - end) + ' left)';
    }
    more.addEventListener('click', showMore);
    byId('clarity-list').addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a') : null;
      if (!link) { return; }
      event.preventDefault();
      event.stopPropagation();
      goTo(link.getAttribute('href'));
    });
    showMore();
  }

  function clarityItem(quote) {
    var item = h('li');
    item.appendChild(h('span', 'where', 'Ch. ' + (quote.chapter + 1)));
    var text = data.text.slice(quote.start, quote.end).replace(/\s+/g, ' ');
    item.appendChild(document.createTextNode('\u201c' + (text.length > 140 ? text.slice(0, 139) + '\u2026' : text) + '\u201d'));
    item.appendChild(h('span', 'guess', quote.speaker === null ? 'no speaker'
      : nameOf(quote.speaker) + '? ' + percent(quote.confidence)));
    var link = h('a', null, 'show in story');
    link.setAttribute('href', '#q-' + quote.index);
    item.appendChild(link);
    return item;
  }

  /* ---- Story reader ------------------------------------------------------ */

  function quoteSpan(quote) {
    var span = h('span', 'q' + (quote.speaker === null ? ' none' : (quote.confidence < low ? ' low' : '')));
    span.id = 'q-' + quote.index;
    span.tabIndex = 0;
    span.dataset.quote = String(quote.index);
    if (quote.speaker !== null) {
      span.dataset.speaker = characters[quote.speaker] ? characters[quote.speaker].id : '';
      paint(span, characters[quote.speaker]);
    }
    span.setAttribute('role', 'button');
    span.title = quoteSummary(quote);
    return span;
  }

  function quoteSummary(quote) {
    var to = quote.addressees.length ? ' \u2192 ' + quote.addressees.map(nameOf).join(', ') : '';
    if (quote.speaker === null) { return 'No speaker found' + to; }
    var who = nameOf(quote.speaker);
    var details = [quote.type || 'type not known', percent(quote.confidence) + ' confident'];
    if (quote.confidence < low) { details.push('uncertain'); }
    return who + to + ' (' + details.join(', ') + ')';
  }

  function fill(root, from, to, items) {
    var text = data.text;
    var stack = [{ node: root, end: to }];
    var position = from;
    function emit(node, until) {
      if (until > position) { node.appendChild(document.createTextNode(text.slice(position, until))); position = until; }
    }
    items.forEach(function (quote) {
      var start = Math.max(quote.start, from, position);
      while (stack.length > 1 && stack[stack.length - 1].end <= start) {
        var done = stack.pop();
        emit(done.node, done.end);
      }
      var parent = stack[stack.length - 1];
      var end = Math.min(quote.end, parent.end);
      if (end <= start) { return; }
      emit(parent.node, start);
      var span = quoteSpan(quote);
      parent.node.appendChild(span);
      stack.push({ node: span, end: end });
    });
    while (stack.length) {
      var last = stack.pop();
      emit(last.node, last.end);
    }
  }

  function renderChapter(index) {
    var chapter = data.chapters[index];
    var article = byId('chapter-text');
    var page = document.createDocumentFragment();
    page.appendChild(h('h3', null, chapterLabel(index)));
    var list = byChapter[index] || [], next = 0, open = [], breakAt = 0;
    chapter.paragraphs.forEach(function (span) {
      while (breakAt < chapter.breaks.length && chapter.breaks[breakAt] <= span[0]) {
        page.appendChild(h('hr', 'scene'));
        breakAt++;
      }
      open = open.filter(function (quote) { return quote.end > span[0]; });
      var here = open.slice();
      while (next < list.length && list[next].start < span[1]) {
        if (list[next].end > span[0]) { here.push(list[next]); open.push(list[next]); }
        next++;
      }
      var paragraph = h('p');
      fill(paragraph, span[0], span[1], here);
      page.appendChild(paragraph);
    });
    article.textContent = '';
    article.appendChild(page);
    state.chapter = index;
    byId('chapter-select').value = String(index);
    byId('chapter-prev').disabled = index === 0;
    byId('chapter-next').disabled = byId('chapter-next-bottom').disabled = index >= data.chapters.length - 1;
  }

  function showQuoteCard(index, anchor) {
    var quote = quotes[index], card = byId('quote-card');
    var speaker = byId('card-speaker');
    speaker.textContent = '';
    if (quote.speaker !== null) {
      var swatch = h('span', 'swatch');
      paint(swatch, characters[quote.speaker]);
      speaker.appendChild(swatch);
    }
    speaker.appendChild(document.createTextNode(quote.speaker === null ? 'no speaker found' : nameOf(quote.speaker)));
    byId('card-addressees').textContent = quote.addressees.length
      ? quote.addressees.map(nameOf).join(', ') : 'not known';
    byId('card-type').textContent = quote.type || 'not known';
    var confidence = byId('card-confidence');
    confidence.textContent = percent(quote.confidence);
    confidence.classList.toggle('warn', quote.confidence < low);
    if (quote.confidence < low) { confidence.textContent += ' (uncertain)'; }
    byId('card-id').textContent = quote.id + ' · ' + chapterLabel(quote.chapter);
    var box = anchor.getBoundingClientRect();
    card.hidden = false;
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 12);
    card.style.setProperty('left', Math.max(8, left) + 'px');
    card.style.setProperty('top', (window.scrollY + box.bottom + 6) + 'px');
    if (state.current) { state.current.classList.remove('current'); }
    state.current = anchor;
    anchor.classList.add('current');
  }

  function hideQuoteCard() {
    byId('quote-card').hidden = true;
    if (state.current) { state.current.classList.remove('current'); state.current = null; }
  }

  function goTo(hash) {
    if (location.hash === hash) { route(); } else { location.hash = hash; }
  }

  function route() {
    var match = /^#q-(\d+)$/.exec(location.hash);
    if (match && quotes[Number(match[1])]) {
      var quote = quotes[Number(match[1])];
      if (state.chapter !== quote.chapter) { renderChapter(quote.chapter); }
      var span = byId('q-' + quote.index);
      if (span) {
        span.scrollIntoView({ block: 'center' });
        span.focus({ preventScroll: true });
        showQuoteCard(quote.index, span);
      }
      return;
    }
    match = /^#chapter-(\d+)$/.exec(location.hash);
    if (match && data.chapters[Number(match[1]) - 1]) {
      hideQuoteCard();
      renderChapter(Number(match[1]) - 1);
      byId('story').scrollIntoView();
      return;
    }
    if (state.chapter < 0) { renderChapter(0); }
  }

  function setUpReader() {
    var select = byId('chapter-select');
    data.chapters.forEach(function (chapter, index) {
      var option = h('option', null, chapterLabel(index));
      option.value = String(index);
      select.appendChild(option);
    });
    select.addEventListener('change', function () { goTo('#chapter-' + (Number(select.value) + 1)); });
    byId('chapter-prev').addEventListener('click', function () { goTo('#chapter-' + state.chapter); });
    function forward() { goTo('#chapter-' + (state.chapter + 2)); }
    byId('chapter-next').addEventListener('click', forward);
    byId('chapter-next-bottom').addEventListener('click', forward);
    var article = byId('chapter-text');
    function open(event) {
      var target = event.target.closest ? event.target.closest('.q') : null;
      if (!target || !article.contains(target)) {
        if (event.type === 'click') { hideQuoteCard(); }
        return;
      }
      event.stopPropagation();
      showQuoteCard(Number(target.dataset.quote), target);
    }
    article.addEventListener('click', open);
    article.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(event); }
    });
    byId('quote-card').querySelector('.close').addEventListener('click', hideQuoteCard);
    document.addEventListener('keydown', function (event) { if (event.key === 'Escape') { hideQuoteCard(); } });
    document.addEventListener('click', function (event) {
      var card = byId('quote-card');
      if (!card.hidden && !card.contains(event.target) && !article.contains(event.target)) { hideQuoteCard(); }
    });
    window.addEventListener('hashchange', route);
    route();
  }

  setUpCast();
  window.ficlensCharts({ data: data, s: s, h: h, byId: byId, colourOf: colourOf, nameOf: nameOf,
    chapterLabel: chapterLabel, goTo: goTo });
  renderClarity();
  setUpReader();
  document.documentElement.dataset.ready = 'true';
}());
