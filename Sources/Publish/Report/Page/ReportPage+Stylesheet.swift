extension ReportPage {
    /// The page's only style: system fonts (nothing fetched), readable widths, tables with
    /// right-aligned tabular figures, and print rules so the report prints as it reads.
    static let stylesheet: StaticString = """

    :root { color-scheme: light; --ink: #1f2933; --muted: #5b6672; --line: #d5dbe1; --accent: #3d6f9c; --band: #f3f5f7; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
    main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
    .kicker { margin: 0; color: var(--muted); font-size: .9rem; letter-spacing: .02em; text-transform: uppercase; }
    h1 { margin: .2rem 0 .4rem; font-size: 2rem; line-height: 1.2; }
    h2 { margin: 2.5rem 0 .75rem; font-size: 1.35rem; }
    h3 { margin: 1.75rem 0 .5rem; font-size: 1.05rem; }
    .as-of { margin: 0; color: var(--muted); }
    .banner { margin: 1em 0 0; padding: .5em .8em; border-left: 4px solid #b35806; background: #fff4e5; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
    .card { border: 1px solid var(--line); border-top: 4px solid var(--accent); border-radius: 6px; padding: .9rem 1rem 1rem; }
    .card h3 { margin: 0 0 .3rem; font-size: .95rem; color: var(--muted); font-weight: 600; }
    .card p { margin: .25rem 0; }
    .card .big-unit { font-size: 1.1rem; font-weight: 600; }
    .card .big { font-size: 1.9rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
    .card .muted { color: var(--muted); }
    .card-ci { color: var(--muted); font-size: .9rem; }
    figure { margin: 0; }
    figure svg { display: block; width: 100%; max-width: 52rem; height: auto; }
    figcaption { color: var(--muted); font-size: .9rem; margin-top: .25rem; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    th, td { padding: .45rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; }
    tbody tr:nth-child(even) { background: var(--band); }
    tr.total th, tr.total td { font-weight: 700; border-bottom: 2px solid var(--ink); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    thead th.num { white-space: normal; min-width: 6rem; }
    tbody th { min-width: 11rem; }
    .ci, .unit { display: block; font-size: .8rem; color: var(--muted); font-weight: 400; }
    .withheld, .na { color: var(--muted); }
    .file { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; font-weight: 400; min-width: 12rem; overflow-wrap: anywhere; }
    .files table { font-size: .9rem; }
    .files thead th.num { min-width: 0; }
    .warning { color: #9b1c1c; font-weight: 600; }
    .footnote { font-size: .85rem; color: var(--muted); margin: .4rem 0 0; }
    #disclosure { border-left: 4px solid var(--accent); padding-left: .75rem; }
    footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
    @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } section.chart, table { break-inside: avoid; } }

    """
}
