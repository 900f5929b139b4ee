package org.hotlinekit.scan;

import java.util.List;

/** Items with their groups set, and the groups in review order. */
record Grouped(List<ScanItem> items, List<ScanGroup> groups) {}
