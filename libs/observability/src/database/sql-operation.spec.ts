import { sqlOperation } from './sql-operation';

describe('sqlOperation', () => {
  it.each([
    ['SELECT 1', 'select'],
    ['  select * from okrs', 'select'],
    ['INSERT INTO "okrs"("id") VALUES ($1) RETURNING "id"', 'insert'],
    ['UPDATE okrs SET x = 1', 'update'],
    ['DELETE FROM okrs', 'delete'],
    ['/* comment */ SELECT 1', 'select'],
    ['-- why\nUPDATE okrs SET x = 1', 'update'],
    ['WITH recent AS (SELECT 1) SELECT * FROM recent', 'other'],
    ['START TRANSACTION', 'other'],
    ['CREATE TABLE x (id int)', 'other'],
    ['', 'other'],
  ])('%p is %p', (sql, operation) => {
    expect(sqlOperation(sql)).toBe(operation);
  });
});
