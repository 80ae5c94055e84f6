/**
 * The HTML report's stylesheet and script, bundled into the build as strings (the report is one
 * file that opens from disk, so nothing is fetched). The script reads the report's JSON and puts
 * article text in the page only through text nodes and attributes, never as markup. It has no
 * template literals, so it can live in one here.
 */

export const STYLE = `
:root{--fg:#1d2330;--dim:#6b7280;--bg:#fff;--panel:#f6f7f9;--line:#e3e6ea;--error:#c62828;--warning:#b26a00;--info:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;gap:24px;align-items:baseline;padding:10px 20px;border-bottom:1px solid var(--line);background:var(--panel);position:sticky;top:0;z-index:3}
header h1{font-size:18px;margin:0}
header nav a{margin-right:12px}
main{padding:0 20px 40px}
h2{font-size:17px;margin:22px 0 8px}
h3{font-size:15px;margin:18px 0 6px}
a{color:#1d4ed8;text-decoration:none}
a:hover{text-decoration:underline}
.dim{color:var(--dim)}
table{border-collapse:collapse;margin:6px 0 10px}
td,th{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;background:var(--panel)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{max-height:460px;overflow:auto;display:inline-block;max-width:100%;border-bottom:1px solid var(--line)}
.scroll thead th{position:sticky;top:0}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
.chart text{font-size:12px;fill:var(--fg)}
.graph{border:1px solid var(--line);border-radius:6px;background:#fcfcfd;max-width:100%;height:auto}
.graph .edge{stroke-width:3;cursor:pointer}
.graph .edge:hover,.graph .edge.sel{stroke-width:6}
.graph.dense .edge{stroke-width:1.2}
.graph .edge.contradiction{stroke:var(--error)}
.graph .edge.boilerplate{stroke:#9aa3af;stroke-dasharray:5 4}
.graph .node{cursor:pointer}
.graph .node circle{stroke:#fff;stroke-width:1.5}
.graph .node.error circle{fill:var(--error)}.graph .node.warning circle{fill:var(--warning)}.graph .node.info circle{fill:var(--info)}.graph .node.clean circle{fill:#9ca3af}
.graph .node text{font-size:11px;fill:var(--fg)}
.key{display:inline-block;width:22px;height:0;border-top:3px solid var(--error);vertical-align:middle}
.key.boilerplate{border-top:3px dashed #9aa3af}
#pair{margin-top:12px;border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:var(--panel)}
#pair .sides{display:grid;grid-template-columns:1fr 1fr;gap:16px}
#pair blockquote{margin:6px 0;padding:6px 10px;background:#fff;border-left:4px solid var(--error);white-space:pre-wrap;overflow-wrap:anywhere}
#pair.boilerplate blockquote{border-left-color:#9aa3af}
.toolbar{position:sticky;top:45px;z-index:2;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line)}
#doc-title{font-weight:600;margin:0 10px;overflow-wrap:anywhere}
.filters{margin-top:6px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px}
.filters label{cursor:pointer;white-space:nowrap}
.doc{display:grid;grid-template-columns:minmax(0,80ch) 340px;gap:28px;position:relative;margin-top:12px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:15px/1.7 Georgia,"Times New Roman",serif;max-width:80ch}
.notes{position:relative}
.note{position:absolute;left:0;right:0;font-size:12.5px;line-height:1.4;background:var(--panel);border:1px solid var(--line);border-left:4px solid var(--c,#999);border-radius:4px;padding:5px 8px;cursor:pointer;overflow-wrap:anywhere}
.note .head{font-weight:600}
.note .more{color:var(--dim);margin:3px 0 0;white-space:pre-wrap}
.note.cur{outline:2px solid var(--fg)}
.fix{margin-top:4px;font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;background:#fff;padding:3px 5px;border-radius:3px}
.fix del{background:#fde2e2;color:#8b1c1c}
.fix ins{background:#dcfce7;color:#14532d;text-decoration:none}
.fix .empty{color:var(--dim);font-style:italic}
mark.f{color:inherit;border-radius:2px;border-bottom:2px solid var(--c,#999);background:var(--h,#eee);cursor:pointer}
mark.f.point::before{content:"\\25C6";color:var(--c,#999);font-size:11px}
mark.f.point{background:none;border:0}
mark.f.cur{outline:2px solid var(--fg);outline-offset:1px}
.nothing{color:var(--dim);font-style:italic}
@media (max-width:900px){.doc{grid-template-columns:1fr}.notes{display:none}}
`

export const CLIENT = `(function () {
  'use strict'
  var data = JSON.parse(document.getElementById('report-data').textContent)
  var SEVERITIES = ['error', 'warning', 'info']
  var hiddenRules = {}
  var hiddenSeverities = {}
  var current = -1
  var order = []
  var position = -1
  var section = function (id) { return document.getElementById(id) }

  function el(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined && text !== null) node.textContent = text
    return node
  }
  function highlight(colour, alpha) { return colour.replace(')', ' / ' + alpha + ')') }
  function visible(finding) { return !hiddenRules[finding.r] && !hiddenSeverities[finding.s] }
  function docName(doc) { return doc.record ? doc.record.name + ' (' + doc.record.file + ')' : doc.path }

  function paint(node, finding) {
    var colour = data.rules[finding.r].colour
    node.style.setProperty('--c', colour)
    node.style.setProperty('--h', highlight(colour, 0.35))
  }

  function renderText(doc, container) {
    container.textContent = ''
    var findings = doc.findings
    if (doc.text === null) {
      container.appendChild(el('p', 'nothing', 'The text of this document was not kept by the run (a facts-only run); its findings are listed on the right.'))
      return
    }
    var text = doc.text
    var shown = []
    var bounds = [0, text.length]
    for (var i = 0; i < findings.length; i++) {
      if (!visible(findings[i])) continue
      shown.push(i)
      bounds.push(findings[i].a, findings[i].b)
    }
    bounds.sort(function (x, y) { return x - y })
    var starts = shown.slice().sort(function (x, y) { return findings[x].a - findings[y].a || x - y })
    var next = 0
    var active = []
    var fragment = document.createDocumentFragment()
    function points(at) {
      for (var k = 0; k < shown.length; k++) {
        var f = findings[shown[k]]
        if (f.a === at && f.b === at) {
          var mark = el('mark', 'f point')
          mark.dataset.f = String(shown[k])
          mark.title = data.rules[f.r].id + ': ' + f.reason
          paint(mark, f)
          fragment.appendChild(mark)
        }
      }
    }
    var last = -1
    for (var b = 0; b < bounds.length; b++) {
      var x = bounds[b]
      if (x === last) continue
      last = x
      points(x)
      var y = text.length
      for (var c = b + 1; c < bounds.length; c++) if (bounds[c] > x) { y = bounds[c]; break }
      if (y <= x) continue
      while (next < starts.length && findings[starts[next]].a <= x) active.push(starts[next++])
      active = active.filter(function (index) { return findings[index].b > x && findings[index].a < findings[index].b })
      var piece = text.slice(x, y)
      if (active.length === 0) { fragment.appendChild(document.createTextNode(piece)); continue }
      var inner = active[0]
      for (var a = 1; a < active.length; a++) {
        var f1 = findings[active[a]]
        var f0 = findings[inner]
        if (f1.b - f1.a < f0.b - f0.a) inner = active[a]
      }
      var mark = el('mark', 'f', piece)
      mark.dataset.f = active.join(' ')
      mark.title = active.map(function (index) { return data.rules[findings[index].r].id + ': ' + findings[index].reason }).join('\\n')
      paint(mark, findings[inner])
      fragment.appendChild(mark)
    }
    container.appendChild(fragment)
  }

  function renderFix(fix) {
    var box = el('div', 'fix')
    fix.forEach(function (alternative, k) {
      if (k > 0) box.appendChild(el('div', 'dim', 'or'))
      var line = el('div')
      alternative.forEach(function (part) {
        var tag = part[0] === -1 ? 'del' : part[0] === 1 ? 'ins' : 'span'
        line.appendChild(el(tag, null, part[1]))
      })
      if (alternative.every(function (part) { return part[0] !== 1 })) line.appendChild(el('span', 'empty', ' (removed)'))
      box.appendChild(line)
    })
    return box
  }

  function renderNotes(doc, aside) {
    aside.textContent = ''
    order.forEach(function (index) {
      var f = doc.findings[index]
      var note = el('div', 'note')
      note.id = 'note-' + index
      note.dataset.f = String(index)
      paint(note, f)
      var head = el('div', 'head')
      head.appendChild(el('span', 'sev ' + SEVERITIES[f.s], SEVERITIES[f.s]))
      head.appendChild(document.createTextNode(' ' + data.rules[f.r].id + ' · ' + f.line + ':' + f.column))
      note.appendChild(head)
      note.appendChild(el('div', null, f.reason))
      if (f.note) note.appendChild(el('p', 'more', f.note))
      if (f.fix) note.appendChild(renderFix(f.fix))
      note.addEventListener('click', function () { select(order.indexOf(index)) })
      aside.appendChild(note)
    })
    placeNotes()
  }

  function placeNotes() {
    var aside = section('notes')
    var text = section('text')
    var notes = Array.prototype.slice.call(aside.children)
    var base = text.getBoundingClientRect().top
    var tops = notes.map(function (note) {
      var mark = text.querySelector('mark[data-f~="' + note.dataset.f + '"]')
      return mark ? mark.getBoundingClientRect().top - base : 0
    })
    var heights = notes.map(function (note) { return note.offsetHeight })
    var bottom = 0
    notes.forEach(function (note, k) {
      var top = Math.max(tops[k], bottom)
      note.style.top = top + 'px'
      bottom = top + heights[k] + 6
    })
    aside.style.minHeight = bottom + 'px'
  }

  function showDocument(index) {
    var doc = data.documents[index]
    if (!doc) { showOverview(); return }
    current = index
    position = -1
    section('overview').hidden = true
    section('corpus').hidden = true
    section('document').hidden = false
    section('document').dataset.doc = String(index)
    section('doc-title').textContent = docName(doc)
    order = doc.findings.map(function (_, i) { return i }).filter(function (i) { return visible(doc.findings[i]) })
    order.sort(function (x, y) { return doc.findings[x].a - doc.findings[y].a || x - y })
    renderText(doc, section('text'))
    renderNotes(doc, section('notes'))
    section('position').textContent = order.length + ' of ' + doc.findings.length + ' findings shown'
    window.scrollTo(0, 0)
  }

  function showOverview() {
    current = -1
    section('overview').hidden = false
    section('corpus').hidden = false
    section('document').hidden = true
  }

  function select(k) {
    if (current === -1 || order.length === 0) return
    position = (k + order.length) % order.length
    var index = order[position]
    Array.prototype.forEach.call(document.querySelectorAll('.cur'), function (node) { node.classList.remove('cur') })
    var marks = section('text').querySelectorAll('mark[data-f~="' + index + '"]')
    Array.prototype.forEach.call(marks, function (node) { node.classList.add('cur') })
    var note = section('note-' + index)
    if (note) note.classList.add('cur')
    if (marks.length > 0) marks[0].scrollIntoView({block: 'center'})
    section('position').textContent = 'finding ' + (position + 1) + ' of ' + order.length
  }

  function showEdge(k) {
    var edge = data.edges[k]
    var panel = section('pair')
    panel.textContent = ''
    panel.className = edge.kind
    panel.hidden = false
    Array.prototype.forEach.call(document.querySelectorAll('.edge.sel'), function (node) { node.classList.remove('sel') })
    var line = document.querySelector('.edge[data-edge="' + k + '"]')
    if (line) line.classList.add('sel')
    panel.appendChild(el('h3', null, edge.kind === 'contradiction' ? 'Contradiction' : 'Shared boilerplate' + (edge.count > 1 ? ' (' + edge.count + ' lines)' : '')))
    var sides = el('div', 'sides')
    ;[[edge.a, edge.fa], [edge.b, edge.fb]].forEach(function (side) {
      var doc = data.documents[side[0]]
      var box = el('div', 'side')
      var link = el('a', null, docName(doc))
      link.href = '#doc-' + side[0]
      box.appendChild(link)
      var finding = side[1] === undefined || side[1] === null ? null : doc.findings[side[1]]
      var said = finding ? (doc.text === null ? finding.reason : doc.text.slice(finding.a, finding.b)) : (edge.quote || '')
      box.appendChild(el('blockquote', null, said))
      if (finding) box.appendChild(el('div', 'dim', 'line ' + finding.line + ': ' + finding.reason))
      sides.appendChild(box)
    })
    panel.appendChild(sides)
  }

  function route() {
    var match = /^#doc-(\\d+)$/.exec(location.hash)
    if (match) showDocument(Number(match[1]))
    else {
      showOverview()
      var target = location.hash ? section(location.hash.slice(1)) : null
      if (target) target.scrollIntoView()
    }
  }

  document.addEventListener('change', function (event) {
    var input = event.target
    if (!input.dataset) return
    if (input.dataset.rule !== undefined) hiddenRules[input.dataset.rule] = !input.checked
    else if (input.dataset.severity !== undefined) hiddenSeverities[input.dataset.severity] = !input.checked
    else return
    if (current !== -1) {
      var keep = window.scrollY
      showDocument(current)
      window.scrollTo(0, keep)
    }
  })
  document.addEventListener('click', function (event) {
    var target = event.target
    var edge = target.closest && target.closest('.edge')
    if (edge) { showEdge(Number(edge.getAttribute('data-edge'))); return }
    var node = target.closest && target.closest('.node')
    if (node) { location.hash = '#doc-' + node.getAttribute('data-doc'); return }
    var mark = target.closest && target.closest('mark.f')
    if (mark) select(order.indexOf(Number(mark.dataset.f.split(' ')[0])))
  })
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.target && event.target.tagName === 'INPUT' && event.target.type !== 'checkbox') return
    if (event.key === 'n' || event.key === 'j') { select(position + 1); event.preventDefault() }
    else if (event.key === 'p' || event.key === 'k') { select(position < 0 ? -1 : position - 1); event.preventDefault() }
    else if (event.key === 'Escape' && current !== -1) location.hash = '#overview'
  })
  window.addEventListener('hashchange', route)
  window.addEventListener('resize', function () { if (current !== -1) placeNotes() })
  route()
})()
`
