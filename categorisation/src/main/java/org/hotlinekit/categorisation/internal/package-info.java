/**
 * Implementation details of hotlinekit categorisation: strict JSON reading and the built-in scheme
 * mappers. Not exported; nothing here is API.
 */
package org.hotlinekit.categorisation.internal;
