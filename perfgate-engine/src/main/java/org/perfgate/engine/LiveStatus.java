package org.perfgate.engine;

import java.time.Duration;

/**
 * The run one second at a time, for progress displays.
 *
 * @param elapsed since the run started
 * @param planned the longest scenario's start time plus duration (graceful stops excluded)
 * @param vus VUs running an iteration at the end of the second
 * @param requestsPerSecond requests completed in the last second
 * @param p95Millis 95th percentile of http_req_duration in the last second (0 when none)
 * @param errorRate share of failed requests in the last second
 * @param totalRequests requests completed since the start
 */
public record LiveStatus(
    Duration elapsed, Duration planned, long vus, double requestsPerSecond, double p95Millis, double errorRate,
    long totalRequests) {}
