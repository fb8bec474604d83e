using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryDayCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliveryDayCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FlowKey = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Messages = table.Column<int>(type: "INTEGER", nullable: false),
                    Segments = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryDayCounts", x => new { x.Day, x.Channel, x.FlowKey, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "DeliveryDayReasons",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Messages = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryDayReasons", x => new { x.Day, x.Status, x.Reason });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_UpdatedAt",
                table: "Deliveries",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryDayCounts_CountedAt",
                table: "DeliveryDayCounts",
                column: "CountedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryDayCounts");

            migrationBuilder.DropTable(
                name: "DeliveryDayReasons");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_UpdatedAt",
                table: "Deliveries");
        }
    }
}
