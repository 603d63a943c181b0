using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>A MoySklad error answer: HTTP status plus <c>{"errors":[{"error","code","moreInfo"}]}</c>.</summary>
internal sealed class MoySkladError(int status, int code, string message, string? parameter = null) : Exception(message)
{
    public int Status { get; } = status;
    public int Code { get; } = code;

    public JsonObject Body()
    {
        var error = new JsonObject { ["error"] = Message, ["code"] = Code, ["moreInfo"] = "https://dev.moysklad.ru/doc/api/remap/1.2/#error_" + Code };
        if (parameter is not null) error["parameter"] = parameter;
        return new JsonObject { ["errors"] = new JsonArray(error) };
    }

    // Codes from MoySklad's error list; the code of a malformed filter is not documented (assumed 1002, 412).
    public static MoySkladError BadFilter(string message) => new(412, 1002, message, "filter");
    public static MoySkladError NotFound(string type, string id) => new(404, 1021, $"Объект с UUID '{id}' не найден ({type})");
    public static MoySkladError Required(string field) => new(412, 3000, $"Ошибка сохранения объекта: поле '{field}' не может быть пустым или отсутствовать", field);
    public static MoySkladError Unauthorized() => new(401, 1056, "Ошибка аутентификации: Неправильный пароль или имя пользователя или ключ авторизации");
    public static MoySkladError RateLimited() => new(429, 1049, "Превышено ограничение на количество запросов в единицу времени");
    // MoySklad's code for a key the entity does not have is not documented; 412 with 1002 is assumed.
    public static MoySkladError UnknownField(string field) => new(412, 1002, $"Неизвестное поле '{field}'", field);
    public static MoySkladError BadJson(string message) => new(400, 2016, message);
}
