/* The list of commands, in the order 'lotline --help' shows them. */
#include "cmd.h"

extern const struct cmd_entry cmd_init, cmd_demo, cmd_user, cmd_item, cmd_location, cmd_supplier,
    cmd_customer, cmd_receive, cmd_adjust, cmd_move, cmd_hold, cmd_release, cmd_quarantine,
    cmd_scrap, cmd_correct, cmd_po, cmd_label, cmd_scan, cmd_gs1, cmd_recipe, cmd_run, cmd_order,
    cmd_pick, cmd_trace, cmd_recall, cmd_doc, cmd_qc, cmd_coa, cmd_ledger, cmd_history, cmd_import,
    cmd_export, cmd_verify, cmd_settings, cmd_serve, cmd_sync, cmd_peer;

const struct cmd_entry *const cmd_table[] = {
    &cmd_init,       &cmd_demo,    &cmd_user,    &cmd_item,     &cmd_location, &cmd_supplier,
    &cmd_customer,   &cmd_receive, &cmd_adjust,  &cmd_move,     &cmd_hold,     &cmd_release,
    &cmd_quarantine, &cmd_scrap,   &cmd_correct, &cmd_po,       &cmd_label,    &cmd_scan,
    &cmd_gs1,        &cmd_recipe,  &cmd_run,     &cmd_order,    &cmd_pick,     &cmd_trace,
    &cmd_recall,     &cmd_doc,     &cmd_qc,      &cmd_coa,      &cmd_ledger,   &cmd_history,
    &cmd_import,     &cmd_export,  &cmd_verify,  &cmd_settings, &cmd_serve,    &cmd_sync,
    &cmd_peer,       NULL,
};
