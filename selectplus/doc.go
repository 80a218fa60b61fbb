// Package selectplus implements the rules of Microsoft Select Plus (SP-01 to
// SP-56): price levels A to D per product pool, upgrades as points arrive,
// carryover, the one-level drop and the hold at the anniversary, academic
// and government pricing, qualification, affiliates, and Software Assurance
// prorated to the third affiliate anniversary. It also reads MVL price-list
// descriptions.
package selectplus
