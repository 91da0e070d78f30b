/**
 * Recording of samples into HdrHistograms and counters, per-second intervals, exact merges,
 * histogram encoding and threshold evaluation. May use: perfgate-model, HdrHistogram.
 */
package org.perfgate.metrics;
