-- the outbound backlog per VASP (calls waiting or failing, by VASP) is read without scanning every call
CREATE INDEX mm7_outbound_vasp_state ON mm7_outbound_call (vasp_id, state);
