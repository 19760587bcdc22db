package org.avpipeline.report;

/** The report's stylesheet, inlined in the page (no fonts, images or anything else that loads). */
final class ReportStyle {
    private ReportStyle() {}

    static final String CSS = """
            *{box-sizing:border-box}
            html{background:#f3f5f9}
            body{margin:0;color:#172033;font:14px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",\
            Arial,"Noto Sans","DejaVu Sans",sans-serif;-webkit-font-smoothing:antialiased}
            .wrap{max-width:1180px;margin:0 auto;padding:0 28px}
            .band{background:linear-gradient(135deg,#14213d 0%,#1d3170 60%,#29449a 100%);color:#fff;padding:30px 0 80px}
            .band .wrap{display:flex;justify-content:space-between;align-items:flex-start;gap:24px}
            .eyebrow{font-size:12px;letter-spacing:.14em;text-transform:uppercase;color:#aab8e8;font-weight:700}
            h1{font-size:30px;line-height:1.2;margin:6px 0 8px;letter-spacing:-.01em}
            h1 span{color:#aab8e8;font-weight:500}
            .meta{color:#c9d3f2;font-size:13px}
            .meta b{color:#fff;font-weight:600}
            .meta code{background:rgba(255,255,255,.1);padding:1px 6px;border-radius:5px;color:#fff}
            .pill{display:inline-flex;align-items:center;gap:9px;padding:8px 16px;border-radius:999px;font-weight:700;\
            font-size:14px;white-space:nowrap;margin-top:6px}
            .pill::before{content:"";width:9px;height:9px;border-radius:50%;background:currentColor}
            .pill.ok{background:#d3f9d8;color:#1b6e2f}
            .pill.warn{background:#fff1d6;color:#a35200}
            .pill.bad{background:#ffe3e3;color:#b02525}
            .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:14px;margin-top:-52px}
            .card{background:#fff;border-radius:14px;padding:16px 18px 15px;box-shadow:0 1px 2px rgba(16,24,40,.07),\
            0 6px 18px rgba(16,24,40,.07)}
            .card .k{font-size:11px;letter-spacing:.08em;text-transform:uppercase;color:#5d6b82;font-weight:700}
            .card .v{font-size:27px;font-weight:750;letter-spacing:-.015em;margin-top:5px;line-height:1.15;\
            font-variant-numeric:tabular-nums;white-space:nowrap}
            .card .v small{font-size:14px;font-weight:600;color:#5d6b82;letter-spacing:0}
            .card .s{font-size:12.5px;color:#5d6b82;margin-top:5px;line-height:1.4}
            .gauge{height:6px;border-radius:3px;background:#e5eafc;margin-top:9px;overflow:hidden}
            .gauge span{display:block;height:100%;background:#3b5bdb;border-radius:3px}
            .gauge.low span{background:#f08c00}
            .warnings{background:#fff8eb;border:1px solid #ffdca8;border-radius:14px;padding:14px 20px;margin-top:22px}
            .warnings h2{font-size:14px;margin:0 0 4px;color:#a35200}
            .warnings ul{margin:0;padding-left:20px}
            section{background:#fff;border-radius:16px;padding:24px 28px 26px;margin-top:22px;\
            box-shadow:0 1px 2px rgba(16,24,40,.06),0 6px 18px rgba(16,24,40,.05)}
            h2{font-size:19px;margin:0 0 2px;letter-spacing:-.01em}
            h3{font-size:13px;margin:0 0 8px;text-transform:uppercase;letter-spacing:.07em;color:#5d6b82}
            .lede{color:#5d6b82;margin:0 0 18px;max-width:820px}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            th{font-size:11px;text-transform:uppercase;letter-spacing:.07em;color:#5d6b82;text-align:left;\
            font-weight:700;padding:8px 10px;border-bottom:1px solid #e4e8f0;white-space:nowrap}
            td{padding:7px 10px;border-bottom:1px solid #eef1f6;vertical-align:middle}
            tr:last-child td{border-bottom:0}
            .n{text-align:right;white-space:nowrap}
            td.zero{color:#b4bccb}
            td.bad{color:#e03131;font-weight:700}
            td.metric{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;\
            font-size:12px;overflow-wrap:anywhere;line-height:1.35}
            table.compact th,table.compact td{padding:6px 6px}
            table.compact td.bar{width:52px;padding-right:0}
            svg.bars{max-width:560px}
            table.named{table-layout:fixed}
            table.named th:nth-child(1){width:18%}
            table.named th:nth-child(2){width:22%}
            tfoot td{border-top:1px solid #e4e8f0;font-weight:700}
            details{margin-top:12px;border:1px solid #e4e8f0;border-radius:10px;padding:0 14px;background:#fbfcfe}
            details[open]{padding-bottom:10px}
            summary{cursor:pointer;padding:10px 0;font-weight:600}
            summary::marker{color:#8a96aa}
            summary .count{color:#e03131;font-weight:700}
            summary .muted,.muted{color:#5d6b82;font-weight:400}
            .grid2{display:grid;grid-template-columns:minmax(0,1.3fr) minmax(0,1fr);gap:32px;align-items:start}
            .grid3{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:22px;align-items:start}
            .stats{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin-bottom:18px}
            .stat{background:#f6f8fc;border-radius:10px;padding:10px 12px}
            .stat .k{font-size:11px;color:#5d6b82;text-transform:uppercase;letter-spacing:.07em;font-weight:700}
            .stat .v{font-size:19px;font-weight:700;font-variant-numeric:tabular-nums}
            .legend{display:flex;gap:16px;flex-wrap:wrap;font-size:12.5px;color:#5d6b82;margin:10px 0 0}
            .sw{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:6px;vertical-align:-1px}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12.5px}
            svg.chart{display:block;width:100%;height:auto}
            svg.mini{display:block}
            svg text{font-family:inherit}
            .empty{color:#8a96aa;font-style:italic;margin:6px 0}
            .reason{color:#5d6b82}
            .tag{display:inline-block;padding:0 7px;border-radius:6px;background:#eef1f7;color:#5d6b82;font-size:12px}
            dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr) max-content minmax(0,1fr);\
            gap:10px 28px;margin:0}
            dt{color:#5d6b82}
            dd{margin:0;font-variant-numeric:tabular-nums;font-weight:600;word-break:break-all}
            footer{color:#8a96aa;font-size:12.5px;text-align:center;margin:30px 0 40px}
            @media (max-width:1000px){.cards{grid-template-columns:repeat(3,1fr)}.grid2,.grid3{grid-template-columns:1fr}}
            """;
}
