/**
 * The life of a content item: its {@link ItemState} follows from its assessments and actions;
 * {@link Workflow} refuses actions that do not fit, and {@link WorkQueues} finds the items that
 * wait for someone (unassessed, unactioned, orphaned, offline).
 */
package org.hotlinekit.iccam.workflow;
