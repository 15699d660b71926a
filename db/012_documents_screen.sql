-- lotline store: the Documents screen's COA queue in received order, read a
-- screenful at a time. Only lots waiting for a COA are in this index, so the
-- queue's first page costs the same with a million lots as with a hundred.
CREATE INDEX lots_coa_queue ON lots (received, code)
	WHERE coa IN ('missing', 'uploaded') AND qty <> 0;
