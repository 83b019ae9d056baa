-- The logistics job in Flink SQL (LogisticsSqlPipeline runs it; ${ORDERS}, ${SEED} and ${RATE}
-- are replaced). The same tables as the DataStream job (LogisticsPipeline), made of the
-- relational parts Flink plans: ROW_NUMBER deduplication, regular joins, MATCH_RECOGNIZE, window
-- and group aggregation. Two things are done differently, for reasons of SQL (docs/logistics.md):
--  * MATCH_RECOGNIZE needs an insert-only input ordered by its rowtime, and every deduplication
--    by ROW_NUMBER on event time updates, so the patterns read the shipping updates with their
--    re-sent copies (a copy has the same seq and time as the update, so it sits right after it)
--    and step over them (C AS C.seq = X.seq); the order's platform is joined to the alerts after
--    matching, and SELECT DISTINCT keeps one alert where a copy made the same match again.
--  * MATCH_RECOGNIZE has no timeouts, so "no scan within 12 hours" is a pattern on the next
--    update when there is one, and a join with the order's last update time when there is none.

CREATE TABLE feed (
  kind STRING,
  order_id BIGINT,
  platform STRING,
  created_at TIMESTAMP(3),
  seq INT,
  type STRING,
  hub INT,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '8' DAY
) WITH ('connector' = 'logistics', 'orders' = '${ORDERS}', 'seed' = '${SEED}', 'rate' = '${RATE}');

-- The three platforms' order feeds, unioned and deduplicated by order id.
CREATE VIEW orders AS
  SELECT order_id, platform, created_at, event_time FROM feed WHERE kind = 'order' AND platform = 'TMall'
  UNION ALL
  SELECT order_id, platform, created_at, event_time FROM feed WHERE kind = 'order' AND platform = 'Taobao'
  UNION ALL
  SELECT order_id, platform, created_at, event_time FROM feed WHERE kind = 'order' AND platform = 'AliExpress';

CREATE VIEW unique_orders AS
  SELECT order_id, platform, created_at FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY event_time) AS rn FROM orders
  ) WHERE rn = 1;

-- Shipping updates, each with how alerts show it: TYPE[@hubN]@instant.
CREATE VIEW updates AS
  SELECT order_id, seq, type, hub, event_time,
    CAST(CONCAT(type, CASE WHEN hub >= 0 THEN CONCAT('@hub', CAST(hub AS STRING)) ELSE '' END, '@',
      DATE_FORMAT(event_time, 'yyyy-MM-dd'), 'T', DATE_FORMAT(event_time, 'HH:mm:ss'), 'Z') AS STRING) AS shown
  FROM feed WHERE kind = 'update';

-- A pickup whose next update came 12 hours or more later.
CREATE VIEW no_scan_after_pickup AS
  SELECT order_id, CAST('NO_SCAN_AFTER_PICKUP' AS STRING) AS alert, events FROM updates MATCH_RECOGNIZE (
    PARTITION BY order_id ORDER BY event_time
    MEASURES P.shown AS events
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (P C* N)
    DEFINE
      P AS P.type = 'PICKED_UP',
      C AS C.seq = P.seq,
      N AS N.seq <> P.seq AND N.event_time >= P.event_time + INTERVAL '12' HOUR
  );

-- An exception whose next update came 12 hours or more later ...
CREATE VIEW late_scan_after_exception AS
  SELECT order_id, CAST('EXCEPTION_WITHOUT_SCAN' AS STRING) AS alert, events FROM updates MATCH_RECOGNIZE (
    PARTITION BY order_id ORDER BY event_time
    MEASURES E.shown AS events
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (E C* N)
    DEFINE
      E AS E.type = 'EXCEPTION',
      C AS C.seq = E.seq,
      N AS N.seq <> E.seq AND N.event_time >= E.event_time + INTERVAL '12' HOUR
  );

-- ... or that is the order's last update.
CREATE VIEW no_scan_after_exception AS
  SELECT e.order_id, CAST('EXCEPTION_WITHOUT_SCAN' AS STRING) AS alert, e.shown AS events
  FROM updates e
  JOIN (SELECT order_id, MAX(event_time) AS last_time FROM updates GROUP BY order_id) l
    ON e.order_id = l.order_id AND e.event_time = l.last_time
  WHERE e.type = 'EXCEPTION';

-- A delivery right after an update other than out-for-delivery.
CREATE VIEW delivered_without_out_for_delivery AS
  SELECT order_id, CAST('DELIVERED_WITHOUT_OUT_FOR_DELIVERY' AS STRING) AS alert, events
  FROM updates MATCH_RECOGNIZE (
    PARTITION BY order_id ORDER BY event_time
    MEASURES CAST(CONCAT(X.shown, ' ', Y.shown) AS STRING) AS events
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (X C* Y) WITHIN INTERVAL '1' DAY
    DEFINE
      X AS X.type <> 'OUT_FOR_DELIVERY',
      C AS C.seq = X.seq,
      Y AS Y.seq <> X.seq AND Y.type = 'DELIVERED'
  );

-- A departure from a hub, then the next arrival at that hub.
CREATE VIEW returned_to_hub AS
  SELECT order_id, CAST('RETURNED_TO_HUB' AS STRING) AS alert, events FROM updates MATCH_RECOGNIZE (
    PARTITION BY order_id ORDER BY event_time
    MEASURES CAST(CONCAT(D.shown, ' ', A.shown) AS STRING) AS events
    AFTER MATCH SKIP TO NEXT ROW
    PATTERN (D O* A) WITHIN INTERVAL '3' DAY
    DEFINE
      D AS D.type = 'DEPARTED_HUB',
      O AS NOT (O.type = 'ARRIVED_HUB' AND O.hub = D.hub),
      A AS A.type = 'ARRIVED_HUB' AND A.hub = D.hub
  );

-- Deliveries, one per order (the copies of a delivery fall into its hour), by hour of delivery.
CREATE VIEW deliveries AS
  SELECT order_id, window_start AS hour_start, MIN(event_time) AS delivered_at
  FROM TABLE(TUMBLE(TABLE updates, DESCRIPTOR(event_time), INTERVAL '1' HOUR))
  WHERE type = 'DELIVERED'
  GROUP BY order_id, window_start, window_end;

-- alerts: order_id, platform, alert, events
SELECT DISTINCT a.order_id, o.platform, a.alert, a.events
FROM (
  SELECT * FROM no_scan_after_pickup
  UNION ALL SELECT * FROM late_scan_after_exception
  UNION ALL SELECT * FROM no_scan_after_exception
  UNION ALL SELECT * FROM delivered_without_out_for_delivery
  UNION ALL SELECT * FROM returned_to_hub
) a
JOIN unique_orders o ON a.order_id = o.order_id;

-- delivery stats: platform, hour_start, delivered, on_time (delivered within the platform's
-- promise: TMall 30 h, Taobao 40 h, AliExpress 50 h), delivery_seconds (summed)
SELECT o.platform, d.hour_start, COUNT(*) AS delivered,
  SUM(CASE WHEN TIMESTAMPDIFF(MINUTE, o.created_at, d.delivered_at)
      <= 60 * CASE o.platform WHEN 'TMall' THEN 30 WHEN 'Taobao' THEN 40 ELSE 50 END THEN 1 ELSE 0 END) AS on_time,
  SUM(CAST(TIMESTAMPDIFF(SECOND, o.created_at, d.delivered_at) AS BIGINT)) AS delivery_seconds
FROM deliveries d
JOIN unique_orders o ON d.order_id = o.order_id
GROUP BY o.platform, d.hour_start;
