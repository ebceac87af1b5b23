using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddCoProduceLogging();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCoProduceDatabase(builder.Configuration, builder.Environment);
builder.Services.AddCoProduceIdentity(builder.Environment);
builder.Services.AddCoProduceAuthorization();
builder.Services.AddCoProduceEmail(builder.Configuration, builder.Environment);
builder.Services.AddCoProduceMvc();
builder.Services.Configure<CouncilOptions>(builder.Configuration.GetSection(CouncilOptions.Section));
builder.Services.AddHealthChecks().AddDbContextCheck<CoProduceDbContext>("database");

var app = builder.Build();

await app.MigrateAndSeedDatabaseAsync();

app.UseCoProducePipeline();

await app.RunAsync();

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;
