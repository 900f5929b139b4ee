/**
 * Exchange packets: a report document signed by the sender (CMS SignedData) and encrypted to one
 * or more recipients (CMS AuthEnvelopedData, AES-256-GCM), readable by {@code openssl cms}. A
 * {@link PacketWriter} seals; a {@link PacketReader} releases the document only after every check.
 */
package org.hotlinekit.iccam.packet;
