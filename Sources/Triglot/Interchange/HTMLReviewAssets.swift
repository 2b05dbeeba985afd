/// The style sheet and script inlined in every ``ReviewPage``, so that the page needs no network.
///
/// Neither holds `]]>`: both sit in CDATA sections, which keeps the page well-formed XML.
enum ReviewAssets {
    static let style = """
        :root { --ink: #1d2329; --muted: #66707a; --line: #dde2e7; --paper: #ffffff; --furniture: #f2efe6;
                --unaligned: #f4f6fb; --low: #d0453f; --crossing: #7c4dcc; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #f7f8fa;
               font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
        header { padding: 14px 20px 10px; background: var(--paper); border-bottom: 1px solid var(--line); }
        h1 { font-size: 17px; margin: 0 0 10px; font-weight: 600; }
        .summary { display: flex; flex-wrap: wrap; gap: 10px 32px; align-items: flex-start; font-size: 13px; }
        table.versions { border-collapse: collapse; }
        table.versions th, table.versions td { padding: 1px 14px 1px 0; text-align: left; }
        table.versions th { color: var(--muted); font-weight: 500; }
        dl.figures { display: grid; grid-template-columns: max-content minmax(0, 46em); gap: 1px 12px; margin: 0; }
        dl.figures dt { color: var(--muted); }
        dl.figures dd { margin: 0; }
        dl.figures a { color: var(--ink); }
        .shape { white-space: nowrap; margin-right: 6px; }
        .legend { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; }
        .muted { color: var(--muted); }
        .scale { display: inline-block; width: 110px; height: 10px; border-radius: 2px;
                 background: linear-gradient(to right, hsl(0,75%,82%), hsl(60,75%,82%), hsl(120,75%,82%)); }
        .sample { padding: 0 6px; border-radius: 3px; border: 1px solid var(--line); }
        .low-sample { box-shadow: inset 3px 0 var(--low); }
        .unaligned-sample { background: var(--unaligned); }
        .furniture-sample { background: var(--furniture); color: var(--muted); font-style: italic; }
        .filters { flex-basis: 100%; display: flex; gap: 16px; margin: 0; }
        .filters label { cursor: pointer; }
        table.beads { width: 100%; border-collapse: collapse; table-layout: fixed; background: var(--paper); }
        table.beads col.n { width: 4.2em; }
        table.beads col.c { width: 4.6em; }
        table.beads thead th { position: sticky; top: 0; z-index: 1; padding: 6px 8px; text-align: left;
                               font-weight: 600; background: #edf0f3; border-bottom: 1px solid var(--line); }
        .lang { color: var(--muted); font-weight: 400; margin-left: 4px; }
        table.beads td { vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
        td.n { color: var(--muted); font-variant-numeric: tabular-nums; }
        td.n a { color: inherit; text-decoration: none; }
        td.c { text-align: right; font-variant-numeric: tabular-nums; font-size: 12px; }
        td.c.none { color: #a3abb3; }
        td.v.empty::before { content: "—"; color: #bcc3ca; }
        tr.unaligned td.v { background: var(--unaligned); }
        tr.unaligned td.c { opacity: .55; }
        tr.low td.n { box-shadow: inset 3px 0 var(--low); color: var(--low); font-weight: 600; }
        tr.crossing td.n::after { content: " ⤫"; color: var(--crossing); font-weight: 700; }
        tr.crossing td.v { box-shadow: inset 0 0 0 1px var(--crossing); }
        tr:target td { outline: 2px solid #f0b400; outline-offset: -2px; }
        .u { margin: 0; }
        .u + .u { margin-top: 3px; }
        .u::before { content: attr(data-s); display: inline-block; min-width: 2.3em; margin-right: 3px;
                     color: #a3abb3; font-size: 11px; font-variant-numeric: tabular-nums; }
        .u.k-heading { font-weight: 600; }
        .u.k-caption { color: #46515c; font-size: 13px; }
        .u.k-boilerplate, .u.k-dateline { color: var(--muted); font-style: italic; font-size: 12.5px;
                                          background: var(--furniture); padding: 0 4px; border-radius: 3px; }
        .u.k-boilerplate::after, .u.k-dateline::after { font-style: normal; font-size: 10px; margin-left: 6px;
                                                        color: #8f8668; text-transform: uppercase; letter-spacing: .04em; }
        .u.k-boilerplate::after { content: "boilerplate"; }
        .u.k-dateline::after { content: "dateline"; }
        mark.e { color: inherit; background: none; padding: 0 1px; border-bottom: 2px solid; cursor: help; }
        mark.date { border-color: #2f7fc1; background: #e9f2fb; }
        mark.docref { border-color: #c9482e; background: #fbece8; }
        mark.body { border-color: #2e9a52; background: #e8f6ed; }
        mark.person { border-color: #8a5cc6; background: #f2ecfa; }
        mark.alone { border-bottom-style: dashed; }
        mark.lit { background: #ffe27a; box-shadow: 0 0 0 1px #e0b400; }
        #tip { position: fixed; z-index: 10; max-width: 440px; padding: 8px 10px; border-radius: 6px; font-size: 12px;
               color: #fff; background: #20262d; box-shadow: 0 4px 14px rgba(0,0,0,.25); pointer-events: none; }
        #tip[hidden] { display: none; }
        #tip .head { font-weight: 600; }
        #tip ul { margin: 4px 0 0; padding-left: 16px; }
        #tip li.here { opacity: .65; }
        body.only-low tr.bead:not(.low) { display: none; }
        body.hide-unaligned tr.unaligned { display: none; }
        body.hide-furniture tr.furniture, body.hide-furniture .u.k-boilerplate, body.hide-furniture .u.k-dateline { display: none; }

        """

    /// Hovering (or focusing) a mention lights up every mention of its entity and shows its value and where the
    /// others are (`#e-N` in the address does the same for entity N at load); check boxes filter rows by toggling
    /// one class on the body. Every mark is visited once at load; nothing else walks the page.
    static let script = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("review-data").textContent);
          var marks = document.querySelectorAll("mark[data-e]");
          var byEntity = [];
          for (var i = 0; i < marks.length; i++) {
            var e = Number(marks[i].getAttribute("data-e"));
            (byEntity[e] || (byEntity[e] = [])).push(marks[i]);
          }
          var tip = document.getElementById("tip");
          var lit = [];
          var current = null;
          function clear() {
            for (var k = 0; k < lit.length; k++) lit[k].classList.remove("lit");
            lit = [];
            current = null;
            tip.hidden = true;
          }
          function show(mark) {
            if (mark === current) return;
            clear();
            current = mark;
            var index = Number(mark.getAttribute("data-e"));
            var entity = data.entities[index];
            var here = Number(mark.parentNode.closest(".u").getAttribute("data-v"));
            lit = byEntity[index] || [];
            for (var k = 0; k < lit.length; k++) lit[k].classList.add("lit");
            tip.textContent = "";
            var head = document.createElement("div");
            head.className = "head";
            head.textContent = entity.type + ": " + entity.value;
            tip.appendChild(head);
            var others = entity.mentions.filter(function (m) { return m.version !== here; });
            var note = document.createElement("div");
            note.textContent = others.length ? "linked to:" : "not linked to another version";
            tip.appendChild(note);
            var list = document.createElement("ul");
            entity.mentions.forEach(function (m) {
              var item = document.createElement("li");
              item.textContent = (m.version + 1) + ". " + data.versions[m.version] + " [" + m.language + "], unit " +
                m.sentence + ": \\u201c" + m.text + "\\u201d" + (m.value === entity.value ? "" : " = " + m.value);
              if (m.version === here) item.className = "here";
              list.appendChild(item);
            });
            tip.appendChild(list);
            tip.hidden = false;
            place();
          }
          function place() {
            var box = current.getBoundingClientRect();
            var width = tip.offsetWidth, height = tip.offsetHeight;
            tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - width - 8)) + "px";
            var below = box.bottom + 6;
            tip.style.top = (below + height > window.innerHeight ? Math.max(4, box.top - height - 6) : below) + "px";
          }
          function follow(event) {
            var mark = event.target.closest ? event.target.closest("mark[data-e]") : null;
            if (mark) show(mark); else if (current) clear();
          }
          document.addEventListener("mouseover", follow);
          document.addEventListener("focusin", follow);
          window.addEventListener("scroll", function () { if (current) place(); }, { passive: true });
          ["only-low", "hide-unaligned", "hide-furniture"].forEach(function (name) {
            var box = document.getElementById(name);
            box.addEventListener("change", function () { document.body.classList.toggle(name, box.checked); });
            document.body.classList.toggle(name, box.checked);
          });
          // "#e-12" in the address shows entity 12 once the page is laid out, for a link to one entity.
          window.addEventListener("load", function () {
            var wanted = /^#e-([0-9]+)$/.exec(window.location.hash);
            var mark = wanted && byEntity[Number(wanted[1])] ? byEntity[Number(wanted[1])][0] : null;
            if (!mark) return;
            var box = mark.getBoundingClientRect();
            if (box.bottom < 0 || box.top > window.innerHeight) mark.scrollIntoView({ block: "center" });
            show(mark);
          });
          document.body.setAttribute("data-ready", String(marks.length));
        })();

        """
}
