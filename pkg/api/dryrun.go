package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tcvpc/tcvpc/pkg/sign"
)

// ErrDryRun ends a command whose request was printed instead of sent
// (Config.DryRun): success, nothing more to do.
var ErrDryRun = errors.New("dry run: nothing was sent")

// dryRun describes req as it would go on the wire, without credentials
// or a signature; values whose names say they are secret are redacted.
func (c *Client) dryRun(req Request) error {
	scheme, host, path := c.endpoint(req.Style)
	method := c.cfg.SignatureMethod
	if req.Style == Legacy && method == sign.TC3 {
		method = sign.HmacSHA256
	}
	d := struct {
		DryRun          bool
		Style           string
		Endpoint        string
		Action          string
		Version         string `json:",omitempty"`
		Region          string `json:",omitempty"`
		SignatureMethod string
		Params          json.RawMessage
	}{DryRun: true, Style: req.Style.String(), Endpoint: scheme + "://" + host + path, Action: req.Action,
		SignatureMethod: method, Region: c.cfg.Region}
	if req.Style == Legacy {
		d.Region = c.cfg.LegacyRegion
	} else {
		d.Version = Version
	}
	p, err := marshalJSON(req.Params)
	if err != nil {
		return err
	}
	d.Params = json.RawMessage(Redact(string(p)))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return err
	}
	if _, err := c.cfg.DryRun.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("dry run: %w", err)
	}
	return ErrDryRun
}
