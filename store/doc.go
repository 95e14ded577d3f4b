// Package store keeps what Knead remembers between visits: sessions (the
// routine that was played, how far it got, the feedback pressed during it
// with the moment it was pressed, the rating and note at the end), the last
// choices made on the start page, and the sore spots people reported.
//
// Every session is for a person: "me" (always there, the default) or a
// named person (AddPerson; the id is made from the name). A person's
// sessions, feedback, sore spots and marks (a sore spot forgotten, a
// technique restored after two thumbs-down) are theirs; DeletePerson
// removes them all for good ("me" is emptied, never removed). Past gives a
// person's sessions with their presses, leaving out those a mark set
// aside, and History turns them into the planner's plain input.
//
// Store is a narrow interface with one implementation per database: SQLite
// (modernc.org/sqlite, pure Go, the default, one file in the user's data
// directory) and PostgreSQL (pgx) for deployments that outgrow one machine.
// Open picks between them from the DSN, in one place. Both run the embedded,
// ordered migrations of their folder under migrations/, each in a
// transaction, and refuse a database migrated by a newer Knead.
//
// The store keeps the plan and the script as the JSON the rest of Knead
// made of them; it does not look inside.
package store
