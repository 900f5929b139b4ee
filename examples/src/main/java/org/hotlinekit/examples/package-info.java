/**
 * The bundled synthetic samples ({@link org.hotlinekit.examples.SampleImages}); runnable recipes
 * of the API are in {@link org.hotlinekit.examples.recipes}, the command-line tool in {@link
 * org.hotlinekit.examples.cli}.
 */
package org.hotlinekit.examples;
