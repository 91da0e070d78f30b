/**
 * The load engine: executors and their schedules, VUs running flows, open-model timing from intended
 * start times. May use: perfgate-model, perfgate-metrics, the {@link org.perfgate.engine.spi} SPI.
 */
package org.perfgate.engine;
