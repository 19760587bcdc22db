-- A cross-section: every ticker on one trading day of the newest run, one row per ticker. Replace the date.
-- Name the columns you need: Athena bills the bytes of the columns it reads.
WITH latest_run AS (
  SELECT max(run_date) AS run_date
  FROM ttm_per_share_financial_artifact
)
SELECT a.ticker, a."date", a.adjusted_close, a.market_cap, a.has_complete_financial_data,
       a.totalrevenue_ttm_per_share, a.netincome_ttm_per_share, a.fcf_ttm_per_share,
       a.enterprise_value_per_share
FROM ttm_per_share_financial_artifact a
JOIN latest_run l ON a.run_date = l.run_date
WHERE a."date" = DATE '2024-06-28'
ORDER BY a.ticker
