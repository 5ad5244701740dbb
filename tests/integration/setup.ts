// Creating and migrating a database per suite takes seconds on a busy machine. This bounds a
// hang; it times nothing (speed is measured by `npm run bench`, never asserted in tests).
jest.setTimeout(30_000);
