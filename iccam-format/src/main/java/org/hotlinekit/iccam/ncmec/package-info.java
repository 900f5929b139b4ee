/** NCMEC CyberTipline export of hotlinekit reports, validated against a bundled XSD. */
package org.hotlinekit.iccam.ncmec;
