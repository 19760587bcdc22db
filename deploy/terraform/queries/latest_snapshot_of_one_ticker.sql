-- The latest snapshot of one ticker: its last row in the newest run. Replace 'AAPL' with the ticker.
-- Reads the newest run's footers and the one row group that holds the ticker (row groups are ticker ranges).
WITH latest_run AS (
  SELECT max(run_date) AS run_date
  FROM ttm_per_share_financial_artifact
)
SELECT a.*
FROM ttm_per_share_financial_artifact a
JOIN latest_run l ON a.run_date = l.run_date
WHERE a.ticker = 'AAPL'
ORDER BY a."date" DESC
LIMIT 1
