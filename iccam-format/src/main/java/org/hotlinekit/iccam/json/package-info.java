/**
 * hotlinekit's report exchange format: a documented, versioned JSON document ({@code format},
 * {@code version}, {@code crit}), read strictly with {@code file:line:column} problems and written
 * deterministically; the JSON Schema ships in the artifact.
 */
package org.hotlinekit.iccam.json;
