/*
 * Test-only stand-in for office.js in the browser walk-through: `Office.onReady` and the part of
 * `Excel.run` the add-in's workbook adapter uses, over an in-memory workbook of sheets (cell grids)
 * and tables. Loads and syncs are immediate; what the adapter writes lands in the grid, where the
 * test reads it back through `window.__workbook`. The trade planner is the add-in's own (its Web
 * Worker and HiGHS' wasm, served from dist/). Never shipped: the e2e test serves it in place of appsforoffice.microsoft.com's office.js.
 */
(function () {
  'use strict';
  var seed = window.__rebalSeed || { sheets: [], tables: [] };
  var nextId = 1;
  var book = { sheets: [], tables: [], settings: {}, listeners: [], selection: null };

  function columnLetters(col) {
    var s = '';
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function quoteSheet(name) {
    return /^[A-Za-z0-9_]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function addSheet(name) {
    var sheet = { id: 'sheet-' + nextId++, name: name, cells: {}, formats: {}, bold: {}, widths: {}, wrapped: {}, fitted: null, active: false };
    book.sheets.push(sheet);
    return sheet;
  }
  function sheetByName(name) {
    return book.sheets.find(function (s) { return s.name.toLowerCase() === name.toLowerCase(); }) || null;
  }
  function cell(sheet, r, c) {
    return sheet.cells[r + ',' + c];
  }
  function put(sheet, r, c, v) {
    if (v === '' || v === null || v === undefined) delete sheet.cells[r + ',' + c];
    else sheet.cells[r + ',' + c] = v;
  }
  /* A seeded data-type cell is its valuesAsJson object; Range.values gives its basic value, as Excel does. */
  function isRich(v) {
    return typeof v === 'object' && v !== null;
  }
  function grid(sheet, r0, c0, rows, cols, asJson) {
    var out = [];
    for (var r = 0; r < rows; r++) {
      var row = [];
      for (var c = 0; c < cols; c++) {
        var v = cell(sheet, r0 + r, c0 + c);
        if (v === undefined) v = '';
        if (asJson) row.push(isRich(v) ? v : { type: typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : v === '' ? 'Empty' : 'String', basicValue: v });
        else row.push(isRich(v) ? v.basicValue : v);
      }
      out.push(row);
    }
    return out;
  }
  function usedSize(sheet) {
    var rows = 0, cols = 0;
    Object.keys(sheet.cells).forEach(function (k) {
      var p = k.split(',');
      rows = Math.max(rows, +p[0] + 1);
      cols = Math.max(cols, +p[1] + 1);
    });
    return { rows: rows, cols: cols };
  }
  /* "D7" or "A2:H2" (with or without $) → 0-based bounds. */
  function parseA1(a1) {
    var m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1);
    if (!m) throw new Error('stub: cannot read the address ' + a1);
    function col(letters) { return letters.toUpperCase().split('').reduce(function (n, ch) { return n * 26 + ch.charCodeAt(0) - 64; }, 0) - 1; }
    var r0 = +m[2] - 1, c0 = col(m[1]);
    var r1 = m[4] ? +m[4] - 1 : r0, c1 = m[3] ? col(m[3]) : c0;
    return { r0: r0, c0: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  function addTable(sheet, r0, c0, rows, cols, name) {
    var t = { id: '{table-' + nextId++ + '}', name: name || 'Table' + nextId, sheet: sheet, r0: r0, c0: c0, rows: rows, cols: cols };
    book.tables.push(t);
    return t;
  }
  function address(sheet, r0, c0, rows, cols) {
    var first = columnLetters(c0) + (r0 + 1);
    /* One cell is "D7", as Excel says it. */
    return quoteSheet(sheet.name) + '!' + (rows === 1 && cols === 1 ? first : first + ':' + columnLetters(c0 + cols - 1) + (r0 + rows));
  }
  function loadable(o) {
    o.load = function () { return o; };
    return o;
  }

  function rangeProxy(sheet, r0, c0, rows, cols) {
    var range = loadable({
      get address() { return address(sheet, r0, c0, rows, cols); },
      get values() { return grid(sheet, r0, c0, rows, cols); },
      get valuesAsJson() { return grid(sheet, r0, c0, rows, cols, true); },
      set values(v) { write(v); },
      set formulas(v) { write(v); },
      set numberFormat(f) {
        for (var r = 0; r < rows; r++) for (var c = 0; c < cols; c++) sheet.formats[(r0 + r) + ',' + (c0 + c)] = f[r][c];
      },
      format: {
        font: { set bold(b) { for (var c = 0; c < cols; c++) sheet.bold[r0 + ',' + (c0 + c)] = b; } },
        /* Records which rows the widths were fitted to, so the test can see a footer left out. */
        autofitColumns: function () { sheet.fitted = { r0: r0, rows: rows, c0: c0, cols: cols }; },
        set columnWidth(w) { for (var c = 0; c < cols; c++) sheet.widths[c0 + c] = w; },
        set wrapText(b) { for (var c = 0; c < cols; c++) sheet.wrapped[c0 + c] = b; },
      },
      getCell: function (r, c) { return rangeProxy(sheet, r0 + r, c0 + c, 1, 1); },
      /* Excel selects only on the active sheet; the adapter activates it first. */
      select: function () {
        if (!sheet.active) throw new Error('stub: select() on a sheet that is not active');
        book.selection = address(sheet, r0, c0, rows, cols);
      },
      clear: function () {
        Object.keys(sheet.cells).forEach(function (k) { delete sheet.cells[k]; });
        sheet.formats = {};
        sheet.bold = {};
        sheet.widths = {};
        sheet.wrapped = {};
        sheet.fitted = null;
      },
    });
    function write(v) {
      if (v.length !== rows || v.some(function (row) { return row.length !== cols; })) throw new Error('The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
      for (var r = 0; r < rows; r++) for (var c = 0; c < cols; c++) put(sheet, r0 + r, c0 + c, v[r][c]);
    }
    range.__bounds = { sheet: sheet, r0: r0, c0: c0, rows: rows, cols: cols };
    return range;
  }

  function tableProxy(t) {
    return loadable({
      get id() { return t.id; },
      get name() { return t.name; },
      set name(n) { t.name = n; },
      isNullObject: false,
      getRange: function () { return rangeProxy(t.sheet, t.r0, t.c0, t.rows, t.cols); },
      getDataBodyRange: function () { return rangeProxy(t.sheet, t.r0 + 1, t.c0, t.rows - 1, t.cols); },
      getHeaderRowRange: function () { return rangeProxy(t.sheet, t.r0, t.c0, 1, t.cols); },
      rows: {
        /* Deleting a table row moves the table's rows below it up, within the table's columns (as Excel does). */
        getItemAt: function (i) {
          return {
            delete: function () {
              var first = t.r0 + 1 + i, last = t.r0 + t.rows - 1;
              for (var r = first; r < last; r++) for (var c = 0; c < t.cols; c++) put(t.sheet, r, t.c0 + c, cell(t.sheet, r + 1, t.c0 + c));
              for (var c2 = 0; c2 < t.cols; c2++) put(t.sheet, last, t.c0 + c2, '');
              t.rows--;
              fire(t.id);
            },
          };
        },
        add: function (_index, values) {
          values.forEach(function (row) {
            for (var c = 0; c < t.cols; c++) put(t.sheet, t.r0 + t.rows, t.c0 + c, row[c]);
            t.rows++;
          });
          fire(t.id);
        },
      },
    });
  }

  function sheetProxy(sheet) {
    return loadable({
      isNullObject: false,
      get id() { return sheet.id; },
      get name() { return sheet.name; },
      getRange: function (a1) {
        if (a1 === undefined) { var u = usedSize(sheet); return rangeProxy(sheet, 0, 0, Math.max(1, u.rows), Math.max(1, u.cols)); }
        var b = parseA1(a1);
        return rangeProxy(sheet, b.r0, b.c0, b.rows, b.cols);
      },
      getRangeByIndexes: function (r, c, rows, cols) { return rangeProxy(sheet, r, c, rows, cols); },
      activate: function () { book.sheets.forEach(function (s) { s.active = s === sheet; }); },
      tables: {
        add: function (range, hasHeaders) {
          if (!hasHeaders) throw new Error('stub: tables need headers');
          var b = range.__bounds;
          return tableProxy(addTable(b.sheet, b.r0, b.c0, b.rows, b.cols, null));
        },
      },
    });
  }

  var nullObject = loadable({ isNullObject: true });
  var context = {
    sync: function () { return Promise.resolve(); },
    workbook: {
      tables: loadable({
        get items() { return book.tables.map(tableProxy); },
        getItemOrNullObject: function (name) {
          var t = book.tables.find(function (x) { return x.name.toLowerCase() === name.toLowerCase(); });
          return t ? tableProxy(t) : nullObject;
        },
        onChanged: {
          add: function (handler) {
            book.listeners.push(handler);
            return { context: context, remove: function () { book.listeners = book.listeners.filter(function (h) { return h !== handler; }); } };
          },
        },
      }),
      worksheets: {
        getItemOrNullObject: function (name) { var s = sheetByName(name); return s ? sheetProxy(s) : nullObject; },
        getItem: function (name) {
          var s = sheetByName(name);
          if (!s) throw new Error('The requested resource doesn\'t exist.');
          return sheetProxy(s);
        },
        add: function (name) {
          if (sheetByName(name)) throw new Error('A resource with the same name or identifier already exists.');
          return sheetProxy(addSheet(name));
        },
      },
      settings: {
        getItemOrNullObject: function (key) {
          return key in book.settings ? loadable({ isNullObject: false, value: book.settings[key] }) : nullObject;
        },
        add: function (key, value) { book.settings[key] = value; },
      },
    },
  };

  function fire(tableId) {
    book.listeners.forEach(function (h) { h({ tableId: tableId, type: 'TableChanged' }); });
  }

  seed.sheets.forEach(function (s) {
    var sheet = addSheet(s.name);
    s.rows.forEach(function (row, r) { row.forEach(function (v, c) { put(sheet, r, c, v); }); });
    (s.tables || []).forEach(function (t) { addTable(sheet, 0, 0, s.rows.length, s.rows[0].length, t); });
  });

  window.Excel = { run: function (batch) { return Promise.resolve().then(function () { return batch(context); }); } };
  /* A Microsoft 365 Excel: every ExcelApi set up to 1.16 (valuesAsJson), unless the seed says otherwise. */
  var excelApi = seed.excelApi || '1.16';
  function minor(v) { return +v.split('.')[1]; }
  window.Office = {
    context: {
      officeTheme: undefined,
      requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && minor(version) <= minor(excelApi); } },
    },
    onReady: function (cb) { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }).then(function (info) { if (cb) cb(info); return info; }); },
  };

  /* The shared runtime's custom functions register here; the test checks they did. */
  var associated = {};
  function CustomFunctionError(code, message) {
    this.code = code;
    this.message = message;
  }
  window.CustomFunctions = {
    associate: function (id, fn) { associated[id] = fn; },
    Error: CustomFunctionError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };

  /*
   * The clipboard, recorded rather than the system's: a headless page cannot count on holding the
   * focus the async Clipboard API asks for. The pane's copy goes through navigator.clipboard first.
   */
  var copied = [];
  if (navigator.clipboard) {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: function (text) { copied.push(String(text)); return Promise.resolve(); },
    });
  }

  /* What the test reads and does. */
  window.__workbook = {
    /** Every text the pane put on the clipboard, oldest first. */
    clipboard: function () { return copied.slice(); },
    sheetNames: function () { return book.sheets.map(function (s) { return s.name; }); },
    sheetValues: function (name) { var s = sheetByName(name); if (!s) return null; var u = usedSize(s); return grid(s, 0, 0, u.rows, u.cols); },
    tableValues: function (name) { var t = book.tables.find(function (x) { return x.name === name; }); return t ? grid(t.sheet, t.r0, t.c0, t.rows, t.cols) : null; },
    tableNames: function () { return book.tables.map(function (t) { return t.name; }); },
    settings: function () { return JSON.parse(JSON.stringify(book.settings)); },
    customFunctions: function () { return Object.keys(associated).sort(); },
    /** The range the add-in last selected ("Holdings!D7"), as Excel's address of it. */
    selection: function () { return book.selection; },
    activeSheet: function () { var s = book.sheets.find(function (x) { return x.active; }); return s ? s.name : null; },
    /** Number formats (row by row, null for none), bold rows, column widths, wrapped columns and the rows widths were fitted to. */
    sheetLayout: function (name) {
      var s = sheetByName(name);
      if (!s) return null;
      var u = usedSize(s);
      var formats = [];
      for (var r = 0; r < u.rows; r++) {
        var row = [];
        for (var c = 0; c < u.cols; c++) row.push(s.formats[r + ',' + c] === undefined ? null : s.formats[r + ',' + c]);
        formats.push(row);
      }
      var bold = [];
      for (var b = 0; b < u.rows; b++) if (s.bold[b + ',0']) bold.push(b);
      return { formats: formats, bold: bold, widths: s.widths, wrapped: s.wrapped, fitted: s.fitted };
    },
    /** The user types into a table's data cells (row 0 = first data row), which fires onChanged. */
    editTable: function (name, rows) {
      var t = book.tables.find(function (x) { return x.name === name; });
      rows.forEach(function (row, r) { row.forEach(function (v, c) { put(t.sheet, t.r0 + 1 + r, t.c0 + c, v); }); });
      t.rows = Math.max(t.rows, rows.length + 1);
      fire(t.id);
    },
  };
})();
