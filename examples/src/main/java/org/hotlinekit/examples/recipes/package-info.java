/**
 * One small runnable class per task a user has, each the shortest correct use of the library for
 * it: {@link org.hotlinekit.examples.recipes.HashAFile}, {@link
 * org.hotlinekit.examples.recipes.MatchAgainstAList}, {@link
 * org.hotlinekit.examples.recipes.TriageAFolder}, {@link
 * org.hotlinekit.examples.recipes.DeriveLabels}, {@link
 * org.hotlinekit.examples.recipes.SealAReport}, {@link org.hotlinekit.examples.recipes.OpenAPacket}
 * and {@link org.hotlinekit.examples.recipes.ComputeKpis}. Each has a {@code main} and a {@code
 * run} method that prints to the stream it is given; a test runs every one and checks what it
 * prints.
 */
package org.hotlinekit.examples.recipes;
