using System.Collections.Specialized;
using System.Text;
using Koppel.Infrastructure.Scheduling;
using Quartz;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>Job data goes into the Quartz job store as a flat JSON object of strings, and comes back the same.</summary>
public sealed class QuartzJsonSerializerTests
{
    private readonly QuartzJsonSerializer serializer = new();

    [Fact]
    public void Job_data_properties_round_trip_as_a_json_object()
    {
        var properties = new NameValueCollection { ["tenant"] = "demo-exact", ["flow"] = "products" };

        var bytes = serializer.Serialize<object>(properties);
        var back = serializer.Deserialize<NameValueCollection>(bytes);

        Assert.Equal("""{"tenant":"demo-exact","flow":"products"}""", Encoding.UTF8.GetString(bytes));
        Assert.Equal("demo-exact", back["tenant"]);
        Assert.Equal("products", back["flow"]);
    }

    [Fact]
    public void A_job_data_map_of_strings_round_trips()
    {
        var map = new JobDataMap { ["tenant"] = "demo-exact" };

        var back = serializer.Deserialize<JobDataMap>(serializer.Serialize<object>(map));

        Assert.Equal("demo-exact", back.GetString("tenant"));
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_refused_with_its_key()
    {
        var map = new JobDataMap { ["attempt"] = 3 };

        var error = Assert.Throws<NotSupportedException>(() => serializer.Serialize<object>(map));

        Assert.Contains("attempt", error.Message);
    }
}
