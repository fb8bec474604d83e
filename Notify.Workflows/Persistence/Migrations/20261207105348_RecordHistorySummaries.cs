using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RecordHistorySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordHistorySummaries",
                columns: table => new
                {
                    RecordType = table.Column<string>(type: "TEXT", nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", nullable: false),
                    Messages = table.Column<int>(type: "INTEGER", nullable: false),
                    Sms = table.Column<int>(type: "INTEGER", nullable: false),
                    Emails = table.Column<int>(type: "INTEGER", nullable: false),
                    InApp = table.Column<int>(type: "INTEGER", nullable: false),
                    Webhooks = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateTime>(type: "TEXT", nullable: false),
                    To = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordHistorySummaries", x => new { x.RecordType, x.RecordKey });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordHistorySummaries");
        }
    }
}
