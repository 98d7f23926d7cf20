extension ReportPage {
    /// The page's only style: system fonts (nothing fetched), readable widths, tables with
    /// right-aligned tabular figures that wrap rather than scroll, and an A4 print sheet:
    /// every table fits the page width, cards and figures do not break across pages, no
    /// scrollbar is printed.
    static let stylesheet: StaticString = """

    :root { color-scheme: light; --ink: #1f2933; --muted: #5b6672; --line: #d5dbe1; --accent: #0b5394; --band: #f3f5f7; --warn: #8a3c00; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
    main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
    .kicker { margin: 0; color: var(--muted); font-size: .9rem; letter-spacing: .02em; text-transform: uppercase; }
    h1 { margin: .2rem 0 .4rem; font-size: 2rem; line-height: 1.2; }
    h2 { margin: 2.5rem 0 .75rem; font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    h3 { margin: 1.75rem 0 .5rem; font-size: 1.05rem; }
    .as-of { margin: 0; color: var(--muted); }
    .banner { margin: 0 0 1.5rem; padding: .6rem 1rem; border: 2px solid var(--warn); border-left-width: 8px; background: #fff4e5; }
    .banner ul { margin: .3rem 0; padding-left: 1.2rem; }
    .banner p { margin: .2rem 0; }
    .banner-title { font-weight: 700; }
    .banner-title::before { content: "\\26A0\\FE0E  "; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
    .card { border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 6px; padding: .9rem 1rem 1rem; break-inside: avoid; page-break-inside: avoid; }
    .card h3 { margin: 0 0 .3rem; font-size: .95rem; color: var(--muted); font-weight: 600; }
    .card p { margin: .25rem 0; }
    .card .big-unit { font-size: 1.1rem; font-weight: 600; }
    .card .big { font-size: 1.9rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
    .card .muted { color: var(--muted); }
    .card-ci { color: var(--muted); font-size: .9rem; }
    figure { margin: 1rem 0 .5rem; }
    figure h3 { margin-top: .5rem; }
    figure svg { display: block; width: 100%; max-width: 52rem; height: auto; }
    figcaption { color: var(--muted); font-size: .9rem; margin-top: .25rem; }
    .table-wrap { overflow-x: auto; margin: .75rem 0; }
    table { border-collapse: collapse; width: 100%; font-size: .92rem; }
    caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; caption-side: top; }
    th, td { padding: .4rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; overflow-wrap: break-word; }
    thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; hyphens: auto; }
    tbody tr:nth-child(even) { background: var(--band); }
    tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    thead th.num { white-space: normal; }
    tbody th { font-weight: 600; }
    .ci, .unit { display: block; font-size: .8rem; color: var(--muted); font-weight: 400; }
    .withheld, .na { color: var(--muted); }
    .file { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; font-weight: 400; overflow-wrap: anywhere; word-break: break-all; }
    .files table { font-size: .85rem; }
    .warning { color: #9b1c1c; font-weight: 600; }
    .footnote { font-size: .85rem; color: var(--muted); margin: .4rem 0 0; }
    #disclosure { border-left: 4px solid var(--accent); padding-left: .75rem; }
    .method p { max-width: 48rem; }
    .school-table tbody th, .curve-table tbody th, .chart-table tbody th { min-width: 9rem; }
    .terms tbody th { white-space: nowrap; }
    footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
    @page { size: A4; margin: 15mm 13mm 16mm; }
    @media print {
      body { font-size: 10pt; line-height: 1.35; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 18pt; }
      h2 { font-size: 13pt; margin-top: 14pt; break-after: avoid; page-break-after: avoid; }
      h3 { font-size: 11pt; break-after: avoid; page-break-after: avoid; }
      caption { break-after: avoid; }
      .cards { grid-template-columns: repeat(3, 1fr); gap: 6pt; }
      .card { padding: 6pt 8pt; }
      .card .big { font-size: 16pt; }
      .table-wrap { overflow: visible; }
      table { font-size: 8pt; width: 100%; }
      th, td { padding: 2pt 3pt; }
      .ci, .unit { font-size: 7pt; }
      thead { display: table-header-group; }
      tr, .card, figure, .banner { break-inside: avoid; page-break-inside: avoid; }
      figure svg { max-width: 100%; }
      tbody tr:nth-child(even) { background: #f3f5f7; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
