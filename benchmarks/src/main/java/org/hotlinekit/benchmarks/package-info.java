/**
 * JMH benchmarks for hotlinekit. Each benchmark class measures a baseline in the same run, so
 * results are quoted as ratios on a shared, noisy machine.
 */
package org.hotlinekit.benchmarks;
