variable "aws_region" {
  description = "AWS region for all resources"
  type        = string
  default     = "us-east-1"
}

variable "email_address" {
  description = "Email address for SNS notifications"
  type        = string

  validation {
    condition     = can(regex("^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$", var.email_address))
    error_message = "The email_address must be an e-mail address, such as you@example.com."
  }
}

variable "bucket_suffix" {
  description = "Suffix for S3 bucket name (bucket will be avpipeline-artifacts-{suffix})"
  type        = string
  default     = "prod"
}

variable "schedule_expression" {
  description = "EventBridge cron expression for pipeline execution (default: Sundays 6am UTC = 2am ET)"
  type        = string
  default     = "cron(0 6 ? * SUN *)"
}

# Sized from the build benchmark's peak memory (see deploy/README.md, "Adjust Resources"): the Java build
# needs about 1 GB of heap for a 3,000-ticker universe and far less for QQQ; the JVM takes 75% of the
# task's memory as its heap limit.
variable "task_cpu" {
  description = "CPU units for ECS task (1024 = 1 vCPU)"
  type        = number
  default     = 1024

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.task_cpu)
    error_message = "The task_cpu must be a Fargate CPU size: 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "task_memory" {
  description = "Memory for ECS task in MB"
  type        = number
  default     = 2048

  validation {
    condition     = var.task_memory >= 512 && var.task_memory <= 122880
    error_message = "The task_memory must be a Fargate memory size in MB (512 to 122880) that suits task_cpu."
  }
}

variable "etf_symbol" {
  description = "ETF ticker symbol to fetch holdings from (e.g., QQQ, IWB, SPY)"
  type        = string
  default     = "QQQ"
}

variable "start_date" {
  description = "Start date for historical data filtering (YYYY-MM-DD format)"
  type        = string
  default     = "2004-12-31"

  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", var.start_date))
    error_message = "The start_date must be written YYYY-MM-DD."
  }
}

variable "cleaning" {
  description = "Statement values: as-served (default, none changed) or reference (the R system's anomaly cleaning, to reproduce its artifact); the container's CLEANING"
  type        = string
  default     = "as-served"

  validation {
    condition     = contains(["as-served", "reference"], var.cleaning)
    error_message = "The cleaning must be as-served or reference."
  }
}

variable "api_key_parameter_name" {
  description = "Parameter Store name of the Alpha Vantage API key (a SecureString that setup.sh stores)"
  type        = string
  default     = "/avpipeline/alpha-vantage-api-key"
}

variable "rate_limit_per_min" {
  description = "Alpha Vantage requests per minute allowed by your plan (AV_RATE_LIMIT_PER_MIN)"
  type        = number
  default     = 75

  validation {
    condition     = var.rate_limit_per_min >= 1
    error_message = "The rate_limit_per_min must be at least 1."
  }
}

variable "force_destroy" {
  description = "Let `terraform destroy` delete the bucket and the image repository even when they are not empty"
  type        = bool
  default     = false
}

variable "athena_reader_principals" {
  description = "IAM principals (ARNs) allowed to assume the avpipeline-athena-reader role; empty: any principal of this account that its own policy lets assume it"
  type        = list(string)
  default     = []
}

variable "athena_bytes_scanned_cutoff" {
  description = "Largest number of bytes one query of the avpipeline Athena workgroup may scan before Athena cancels it (at least 10 MB)"
  type        = number
  default     = 10737418240 # 10 GiB, $0.05 at $5 per TB

  validation {
    condition     = var.athena_bytes_scanned_cutoff >= 10485760
    error_message = "The athena_bytes_scanned_cutoff must be at least 10485760 (10 MB), Athena's smallest."
  }
}

variable "athena_results_retention_days" {
  description = "Days the Athena query results under athena-results/ are kept before the bucket's lifecycle deletes them"
  type        = number
  default     = 7

  validation {
    condition     = var.athena_results_retention_days >= 1 && var.athena_results_retention_days <= 30
    error_message = "The athena_results_retention_days must be between 1 and 30 (the artifacts expire after 30)."
  }
}
