/**
 * hotlinekit in Apache Spark: {@link org.hotlinekit.spark.HotlinekitSpark} triages and matches
 * files of Spark's binaryFile source against an index file shipped once to every executor, and
 * registers SQL functions; {@link org.hotlinekit.spark.MatchJob} is a runnable job.
 */
package org.hotlinekit.spark;
