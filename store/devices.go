package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Devices keeps the devices paired with `knead serve`. A device proves who
// it is with a long random token; the store keeps only the token's SHA-256
// hash, so a copy of the database lets no one in.
type Devices interface {
	// AddDevice pairs a device: d.ID must be unique, token is the secret
	// the device will send back.
	AddDevice(ctx context.Context, d *Device, token string) error
	// DeviceByToken gives the device whose token this is, or ErrNotFound.
	DeviceByToken(ctx context.Context, token string) (*Device, error)
	// ListDevices lists the paired devices, the last seen first.
	ListDevices(ctx context.Context) ([]Device, error)
	// SeenDevice records that a device was just seen.
	SeenDevice(ctx context.Context, id string, at time.Time) error
	// RemoveDevice unpairs a device, or gives ErrNotFound.
	RemoveDevice(ctx context.Context, id string) error
}

// Device is a paired phone or browser.
type Device struct {
	ID        string // short and public: shown in lists, used to revoke
	Name      string // what it said it was ("Chrome on Android")
	CreatedAt time.Time
	LastSeen  time.Time
}

// TokenHash is how a device token is kept: its SHA-256, in hex.
func TokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (s *sqlStore) AddDevice(ctx context.Context, d *Device, token string) error {
	if d.ID == "" || len(token) < 32 {
		return errors.New("store: a device needs an id and a token of at least 32 characters")
	}
	if d.CreatedAt.IsZero() {
		d.CreatedAt = time.Now().UTC()
	}
	if d.LastSeen.IsZero() {
		d.LastSeen = d.CreatedAt
	}
	_, err := s.exec(ctx, `INSERT INTO devices (id, token_hash, name, created_at, last_seen) VALUES ($1, $2, $3, $4, $5)`,
		d.ID, TokenHash(token), d.Name, ms(d.CreatedAt), ms(d.LastSeen))
	if err != nil {
		return fmt.Errorf("store: add device: %w", err)
	}
	return nil
}

func (s *sqlStore) DeviceByToken(ctx context.Context, token string) (*Device, error) {
	var d Device
	var created, seen int64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id, name, created_at, last_seen FROM devices WHERE token_hash = $1`),
		TokenHash(token)).Scan(&d.ID, &d.Name, &created, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: device: %w", err)
	}
	d.CreatedAt, d.LastSeen = fromMS(created), fromMS(seen)
	return &d, nil
}

func (s *sqlStore) ListDevices(ctx context.Context) ([]Device, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, created_at, last_seen FROM devices ORDER BY last_seen DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("store: devices: %w", err)
	}
	defer rows.Close()
	var out []Device
	for rows.Next() {
		var d Device
		var created, seen int64
		if err := rows.Scan(&d.ID, &d.Name, &created, &seen); err != nil {
			return nil, fmt.Errorf("store: devices: %w", err)
		}
		d.CreatedAt, d.LastSeen = fromMS(created), fromMS(seen)
		out = append(out, d)
	}
	return out, rows.Err()
}

func (s *sqlStore) SeenDevice(ctx context.Context, id string, at time.Time) error {
	res, err := s.exec(ctx, `UPDATE devices SET last_seen = $1 WHERE id = $2`, ms(at), id)
	return changed(res, err, "device seen")
}

func (s *sqlStore) RemoveDevice(ctx context.Context, id string) error {
	res, err := s.exec(ctx, `DELETE FROM devices WHERE id = $1`, id)
	return changed(res, err, "remove device")
}
