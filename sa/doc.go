// Package sa holds the Software Assurance mechanics that every program
// shares: SA points (SA-01 to SA-03, SA-20), coverage periods and their
// month counting (SA-09, SP-39, SP-42), prices prorated by months and
// rounded once (SA-04, SA-12, SA-22), payment schedules that add up to the
// cent (SA-11, SKU-12, SP-42), co-termination (SP-44), renewal and lapse
// (SP-45 to SP-47), SA-only enrollment windows (SA-10, OL-16, SP-40, SP-41),
// breakeven (SA-05, SA-06) and the Open License SA Evaluator (OL-21 to
// OL-24).
//
// The program packages choose the rows of its tables that apply to them;
// sa itself knows no program's agreement.
package sa
