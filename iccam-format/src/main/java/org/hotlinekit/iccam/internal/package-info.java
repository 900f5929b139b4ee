/**
 * Implementation details of hotlinekit iccam-format: a JSON tree that remembers where each value
 * was in the text. Not exported; nothing here is API.
 */
package org.hotlinekit.iccam.internal;
