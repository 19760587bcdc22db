-- Coverage per month in the newest run: tickers with a price, tickers with complete financial data, rows.
WITH latest_run AS (
  SELECT max(run_date) AS run_date
  FROM ttm_per_share_financial_artifact
)
SELECT date_trunc('month', a."date") AS month,
       count(DISTINCT a.ticker) AS tickers,
       count(DISTINCT CASE WHEN a.has_complete_financial_data THEN a.ticker END) AS tickers_complete,
       count(*) AS row_count,
       avg(CASE WHEN a.has_complete_financial_data THEN 1.0 ELSE 0.0 END) AS complete_share
FROM ttm_per_share_financial_artifact a
JOIN latest_run l ON a.run_date = l.run_date
GROUP BY 1
ORDER BY 1
