using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Rows that belong to an item (its sales prices, its stock per warehouse), cleaned and checked on arrival and
/// grouped by item. A first run holds every such row of the division until its last page of items (100,000
/// items bring some 380,000 rows), so each row is kept as a small binary record: IDs as 16 bytes, dates as ticks,
/// no field names, packed into shared chunks and chained per item. As parsed JSON the same rows took several
/// hundred MB; this takes about 100 bytes a row.
/// </summary>
public sealed class ExactRelatedRows(IReadOnlyDictionary<string, ExactType> fields)
{
    private const string DateFormat = ExactRecordCheck.IsoDate;
    // Chunks grow from small (a page of an incremental run holds a few rows) to this size (a first run).
    private const int FirstChunk = 4096, LargestChunk = 1 << 20;
    // The field list as an array, in the order rows are stored: walked for every row, where a dictionary's enumerator is boxed.
    private readonly (string Name, ExactType Type)[] _fields = [.. fields.Select(f => (f.Key, f.Value))];
    private readonly List<byte[]> _chunks = [];
    private int _used;
    // Per row: where it starts (chunk << 32 | offset) and the next row of the same item (-1 at the end).
    private readonly List<long> _start = [];
    private readonly List<int> _next = [];
    private readonly Dictionary<Guid, (int First, int Last)> _byItem = [];
    private readonly MemoryStream _buffer = new();
    // Reused by every row decoded: a row's fields, and where its numbers are in the chunk.
    private readonly KeyValuePair<string, JsonNode?>[] _row = new KeyValuePair<string, JsonNode?>[fields.Count];
    private readonly List<(string Name, int Start, int Length)> _numbers = [];
    private readonly (bool Present, JsonElement Value, string? Text, double? Number, DateTimeOffset? Date, Guid? Id)[] _checks =
        new (bool, JsonElement, string?, double?, DateTimeOffset?, Guid?)[fields.Count];

    /// <summary>Every row of the entity from its sync endpoint (1000 a call), e.g. all prices on a first run.</summary>
    public static async Task<ExactRelatedRows> ReadAllAsync(ExactOnlineClient exact, string syncResource, IReadOnlyDictionary<string, ExactType> fields, CancellationToken ct)
    {
        var rows = new ExactRelatedRows(fields);
        await foreach (var row in exact.RowsAsync(exact.Url(syncResource, fields.Keys.Append("Timestamp"), "Timestamp gt 1L"), ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>The rows of the given items, <paramref name="itemsPerCall"/> item IDs per filter (Exact allows 6000 characters of URL).</summary>
    public static async Task<ExactRelatedRows> ReadForItemsAsync(ExactOnlineClient exact, string resource, IReadOnlyDictionary<string, ExactType> fields,
        IReadOnlyList<string> itemIds, int itemsPerCall, CancellationToken ct)
    {
        var rows = new ExactRelatedRows(fields);
        foreach (var chunk in itemIds.Chunk(itemsPerCall))
            await foreach (var row in exact.RowsAsync(exact.Url(resource, fields.Keys, string.Join(" or ", chunk.Select(id => $"Item eq guid'{id}'"))), ct))
                rows.Add(row);
        return rows;
    }

    /// <summary>The highest Timestamp among the rows added.</summary>
    public long MaxTimestamp { get; private set; }

    public void AddRange(IEnumerable<JsonObject> rows)
    {
        foreach (var row in rows) Add(row);
    }

    /// <summary>Adds one row as Exact sent it; a row whose Item is not an ID belongs to no item and is dropped.</summary>
    public void Add(JsonObject row)
    {
        MaxTimestamp = Math.Max(MaxTimestamp, ExactRecordCheck.Timestamp(row) ?? 0);
        if (!Guid.TryParse(row["Item"]?.ToString(), out var item)) return;
        var (data, problem) = ExactRecordCheck.Clean(row, fields);
        Chain(item, Store(Encode(data, problem)));
    }

    /// <summary>
    /// Adds one row straight from the page's parsed document, stored exactly as <see cref="Add(JsonObject)"/> stores it,
    /// without a node tree per row and a cleaned copy of it (a first run of 100,000 items reads some 380,000 rows).
    /// </summary>
    public void Add(JsonElement row)
    {
        MaxTimestamp = Math.Max(MaxTimestamp, ExactRecordCheck.Timestamp(row) ?? 0);
        if (!row.TryGetProperty("Item", out var owner) || owner.ValueKind != JsonValueKind.String || !Guid.TryParse(owner.GetString(), out var item)) return;
        Chain(item, Store(Encode(row)));
    }

    private void Chain(Guid item, int index)
    {
        if (_byItem.TryGetValue(item, out var chain))
        {
            _next[chain.Last] = index;
            _byItem[item] = (chain.First, index);
        }
        else _byItem[item] = (index, index);
    }

    /// <summary>The items that have rows (lowercase IDs), in the order their first row came.</summary>
    public IEnumerable<string> Items => _byItem.Keys.Select(item => item.ToString());

    /// <summary>The item's rows in the order they came, cleaned as <see cref="ExactRecordCheck.Clean"/> does, each with its problem if any.</summary>
    public IEnumerable<(JsonObject Data, string? Problem)> For(string item)
    {
        if (!Guid.TryParse(item, out var id) || !_byItem.TryGetValue(id, out var chain)) yield break;
        for (var row = chain.First; row >= 0; row = _next[row])
            yield return Decode(_start[row]);
    }

    private int Store(ReadOnlySpan<byte> encoded)
    {
        if (_chunks.Count == 0 || _used + encoded.Length > _chunks[^1].Length)
        {
            var size = _chunks.Count == 0 ? FirstChunk : Math.Min(_chunks[^1].Length * 2, LargestChunk);
            _chunks.Add(new byte[Math.Max(size, encoded.Length)]);
            _used = 0;
        }
        encoded.CopyTo(_chunks[^1].AsSpan(_used));
        _start.Add(((long)(_chunks.Count - 1) << 32) | (uint)_used);
        _next.Add(-1);
        _used += encoded.Length;
        return _start.Count - 1;
    }

    // Each field in the order of the field list, as a tag byte and its value.
    private enum Tag : byte { Absent, Null, True, False, Text, Number, Id, Date, OtherJson }

    private ReadOnlySpan<byte> Encode(JsonObject data, string? problem)
    {
        _buffer.SetLength(0);
        using (var writer = new BinaryWriter(_buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(problem is not null);
            if (problem is not null) writer.Write(problem);
            foreach (var (name, _) in _fields)
                Write(writer, data.TryGetPropertyValue(name, out var value), value);
        }
        return _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
    }

    /// <summary>What <see cref="ExactRecordCheck.Clean"/> and <see cref="Encode(JsonObject, string?)"/> make of a row, read from the element.</summary>
    private ReadOnlySpan<byte> Encode(JsonElement row)
    {
        // Each field checked once: a row's fields are few, its checked values short-lived.
        string? problem = null;
        var index = 0;
        foreach (var (name, type) in _fields)
        {
            var present = row.TryGetProperty(name, out var value);
            var check = present && value.ValueKind != JsonValueKind.Null ? ExactRecordCheck.Check(value, type) : default;
            if (check.Error is { } error) problem ??= $"field {name}: {error}, got {JsonSerializer.Serialize(value)}";
            // An ID in Guid's own spelling goes in as its 16 bytes without being read as a string first.
            Guid? id = type == ExactType.Guid && check is { Error: null, Text: null } && ExactRecordCheck.TryGetId(value, out var g, out _) ? g : null;
            _checks[index++] = (present, value, check.Text, check.Number, check.Date, id);
        }
        _buffer.SetLength(0);
        using (var writer = new BinaryWriter(_buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(problem is not null);
            if (problem is not null) writer.Write(problem);
            foreach (var (present, value, text, number, date, id) in _checks)
            {
                if (!present) writer.Write((byte)Tag.Absent);
                else if (value.ValueKind == JsonValueKind.Null) writer.Write((byte)Tag.Null);
                else if (id is { } known) WriteId(writer, known);
                else if (date is { } when) WriteDate(writer, when);
                else if (text is not null) WriteText(writer, text);
                else if (number is { } n)
                {
                    writer.Write((byte)Tag.Number);
                    writer.Write(JsonValue.Create(n).ToJsonString());
                }
                else Write(writer, value);
            }
        }
        return _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
    }

    /// <summary>A value kept as sent, tagged as the same value in a node is tagged.</summary>
    private static void Write(BinaryWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            // A number's text is ASCII: its bytes as sent are what BinaryWriter would write for it as a string.
            var text = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
            writer.Write((byte)Tag.Number);
            writer.Write7BitEncodedInt(text.Length);
            writer.Write(text);
            return;
        }
        Write(writer, value.ValueKind, value.ValueKind == JsonValueKind.String ? value.GetString() : null,
            value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? JsonSerializer.Serialize(value) : null);
    }

    private static void Write(BinaryWriter writer, bool present, JsonNode? value)
    {
        if (!present)
        {
            writer.Write((byte)Tag.Absent);
            return;
        }
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        Write(writer, kind, kind == JsonValueKind.String ? value!.GetValue<string>() : null,
            kind is JsonValueKind.Number or JsonValueKind.Object or JsonValueKind.Array ? value!.ToJsonString() : null);
    }

    /// <param name="text">A string's value.</param>
    /// <param name="json">A number's, object's or array's JSON.</param>
    private static void Write(BinaryWriter writer, JsonValueKind kind, string? text, string? json)
    {
        switch (kind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                writer.Write((byte)Tag.Null);
                break;
            case JsonValueKind.True:
                writer.Write((byte)Tag.True);
                break;
            case JsonValueKind.False:
                writer.Write((byte)Tag.False);
                break;
            case JsonValueKind.Number:
                writer.Write((byte)Tag.Number);
                writer.Write(json!);
                break;
            case JsonValueKind.String:
                WriteText(writer, text!);
                break;
            default:
                writer.Write((byte)Tag.OtherJson);
                writer.Write(json!);
                break;
        }
    }

    /// <summary>Text as its tag: an ID in Guid's own spelling as 16 bytes, a date in the cleaned format as ticks, else as is.</summary>
    private static void WriteText(BinaryWriter writer, string text)
    {
        // Written back the way they were read only when that gives the same text: compared in a stack buffer, as this
        // runs for every ID and date of every price and stock row.
        Span<char> again = stackalloc char[40];
        if (text.Length == 36 && Guid.TryParseExact(text, "D", out var id) && id.TryFormat(again, out var idLength, "D") && again[..idLength].SequenceEqual(text))
            WriteId(writer, id);
        else if (text.Length == 25 && DateTimeOffset.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                 && date.TryFormat(again, out var dateLength, DateFormat, CultureInfo.InvariantCulture) && again[..dateLength].SequenceEqual(text))
            WriteDate(writer, date);
        else
        {
            writer.Write((byte)Tag.Text);
            writer.Write(text);
        }
    }

    /// <summary>
    /// A date as its cleaned text would be read back: to the second (the text has no fractions), with its offset.
    /// Written from the date itself where the check has one: parsing its text again took a tenth of a first run's processor time.
    /// </summary>
    private static void WriteDate(BinaryWriter writer, DateTimeOffset date)
    {
        writer.Write((byte)Tag.Date);
        writer.Write(date.Ticks - date.Ticks % TimeSpan.TicksPerSecond);
        writer.Write((short)date.Offset.TotalMinutes);
    }

    private static void WriteId(BinaryWriter writer, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        writer.Write((byte)Tag.Id);
        writer.Write(bytes);
    }

    // Read straight from the chunk, in BinaryWriter's layout: a reader and stream per row cost more than the row.
    private (JsonObject, string?) Decode(long start)
    {
        var chunk = _chunks[(int)(start >> 32)];
        var row = new RowReader(chunk.AsSpan((int)(uint)start));
        var problem = row.Byte() != 0 ? row.Text() : null;
        var count = 0;
        _numbers.Clear();
        var numbersLength = 0;
        foreach (var (name, _) in _fields)
        {
            switch ((Tag)row.Byte())
            {
                case Tag.Absent: break;
                case Tag.Null: _row[count++] = new(name, null); break;
                case Tag.True: _row[count++] = new(name, true); break;
                case Tag.False: _row[count++] = new(name, false); break;
                case Tag.Text: _row[count++] = new(name, row.Text()); break;
                case Tag.Id: _row[count++] = new(name, new Guid(row.Bytes(16)).ToString()); break;
                case Tag.Date:
                    var ticks = BinaryPrimitives.ReadInt64LittleEndian(row.Bytes(8));
                    var zone = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(row.Bytes(2)));
                    _row[count++] = new(name, new DateTimeOffset(ticks, zone).ToString(DateFormat, CultureInfo.InvariantCulture));
                    break;
                case Tag.Number or Tag.OtherJson:
                    // Holds the field's place; the value is parsed below with the row's other numbers.
                    _row[count++] = new(name, null);
                    var length = row.Length();
                    _numbers.Add((name, (int)(uint)start + row.Position, length));
                    numbersLength += length + 1;
                    row.Bytes(length);
                    break;
            }
        }
        // Built from the row's fields at once, so its dictionary is sized once instead of growing field by field.
        var data = new JsonObject(new ArraySegment<KeyValuePair<string, JsonNode?>>(_row, 0, count));
        if (_numbers.Count > 0) FillParsed(data, chunk, _numbers, numbersLength);
        return (data, problem);
    }

    /// <summary>
    /// Numbers are parsed, not converted, so each keeps Exact's own text (12.50 stays 12.50); a row's numbers are
    /// parsed together as one array from their stored UTF-8, since a parse of its own per number cost more than the number.
    /// </summary>
    private static void FillParsed(JsonObject data, byte[] chunk, List<(string Name, int Start, int Length)> numbers, int length)
    {
        Span<byte> json = length + 1 <= 512 ? stackalloc byte[length + 1] : new byte[length + 1];
        var at = 0;
        foreach (var (_, start, count) in numbers)
        {
            json[at] = at == 0 ? (byte)'[' : (byte)',';
            at++;
            chunk.AsSpan(start, count).CopyTo(json[at..]);
            at += count;
        }
        json[at++] = (byte)']';
        var reader = new Utf8JsonReader(json[..at]);
        var values = JsonElement.ParseValue(ref reader);
        var index = 0;
        foreach (var value in values.EnumerateArray())
            data[numbers[index++].Name] = value.ValueKind switch
            {
                JsonValueKind.Object => JsonObject.Create(value),
                JsonValueKind.Array => JsonArray.Create(value),
                _ => JsonValue.Create(value),
            };
    }

    /// <summary>One stored row, read in the order <see cref="BinaryWriter"/> wrote it.</summary>
    private ref struct RowReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        public int Position { get; private set; }

        public byte Byte() => _data[Position++];

        public ReadOnlySpan<byte> Bytes(int count)
        {
            var bytes = _data.Slice(Position, count);
            Position += count;
            return bytes;
        }

        /// <summary>A string's length as BinaryWriter writes it: seven bits a byte, the high bit saying another follows.</summary>
        public int Length()
        {
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = Byte();
                length |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return length;
        }

        public string Text() => System.Text.Encoding.UTF8.GetString(Bytes(Length()));
    }
}
